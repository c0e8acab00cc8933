namespace MovinetExp.Sweeps;

/// <summary>
/// One row of a sweep's summary: the point, its state with a one-line reason, and, once its run completed, the
/// test accuracy, whether the spec's expectations held (null when it has none or has not been evaluated) and the
/// run's wall time (seconds from its start to its end, as environment.json records them).
/// </summary>
/// <param name="Run">The run folder relative to the sweep folder (&lt;experiment&gt;/&lt;point&gt;).</param>
/// <param name="Report">report.html relative to the sweep folder, when the run has one.</param>
/// <param name="SlurmTask">The array task id ("1234_2") of the point's latest submission; null for local sweeps.</param>
/// <param name="SlurmState">What Slurm last said about that task (e.g. RUNNING, FAILED), when it said anything.</param>
public sealed record SweepPointStatus(
    int Index,
    string Name,
    IReadOnlyList<GridValue> Values,
    SweepPointState State,
    string Detail,
    double? TestAccuracy,
    bool? ExpectationsPassed,
    double? Seconds,
    string Run,
    string? Report,
    string? SlurmTask = null,
    string? SlurmState = null)
{
    /// <summary>Done with every expectation met (or none set): what the sweep's gate asks of each point.</summary>
    public bool Passed => State == SweepPointState.Done && ExpectationsPassed != false;
}
