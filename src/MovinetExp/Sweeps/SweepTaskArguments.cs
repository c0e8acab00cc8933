namespace MovinetExp.Sweeps;

/// <summary>The arguments after the tool's own command that run one point: `sweep task SWEEP_DIR INDEX [--threads N]`.</summary>
public static class SweepTaskArguments
{
    public const string Command = "task";

    /// <param name="threads">Training threads for a spec that leaves train.threads at 0 (auto); a shell word such
    /// as "${SLURM_CPUS_PER_TASK}" in a job script.</param>
    public static IReadOnlyList<string> For(string sweepDirectory, string index, string threads) =>
        ["sweep", Command, sweepDirectory, index, "--threads", threads];
}
