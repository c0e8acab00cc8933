namespace MovinetExp.Sweeps;

/// <summary>One `sbatch --array` of a sweep: the job id Slurm gave it and the point indices (array task ids) it holds.</summary>
public sealed record SlurmSubmission(string JobId, IReadOnlyList<int> Indices, DateTime SubmittedUtc)
{
    /// <summary>Slurm's id of one array task, e.g. "1234_2".</summary>
    public string TaskId(int index) => $"{JobId}_{index}";
}
