namespace MovinetExp.Sweeps;

/// <summary>
/// What each Slurm array task asks for: <see cref="CpusPerTask"/> cores (the point trains with that many
/// threads), a time limit in Slurm's format (e.g. "1:00:00" or "2-00:00:00"), and optionally a partition,
/// GPUs per task (for a CUDA build of the tool) and how many tasks may run at once (`--array=...%N`).
/// </summary>
public sealed record SlurmOptions(int CpusPerTask, string TimeLimit, string? Partition = null, int? GpusPerTask = null, int? MaxConcurrent = null);
