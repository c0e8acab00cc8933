namespace MovinetExp.Sweeps;

/// <summary>
/// Runs a sweep's points, each as `sweep task SWEEP_DIR INDEX` of this tool, which creates or resumes the point's
/// run folder. Executors only decide where and when those processes run: here, one or N at a time
/// (<see cref="LocalExecutor"/>), or on a cluster as a Slurm job array (<see cref="SlurmExecutor"/>). Nothing here
/// schedules work across machines; Slurm does.
/// </summary>
public interface ISweepExecutor
{
    /// <summary>
    /// Runs or submits <paramref name="points"/>: a local executor returns when they have all ended, Slurm once
    /// `sbatch` has accepted them.
    /// </summary>
    Task LaunchAsync(SweepFolder folder, SweepDefinition definition, IReadOnlyList<SweepPoint> points, CancellationToken cancellation);
}
