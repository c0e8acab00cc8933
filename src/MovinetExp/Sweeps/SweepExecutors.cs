namespace MovinetExp.Sweeps;

/// <summary>The executor names `--executor` takes and sweep.json records.</summary>
public static class SweepExecutors
{
    public const string Local = "local";
    public const string Slurm = "slurm";
}
