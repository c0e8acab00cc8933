namespace MovinetExp.Sweeps;

/// <summary>
/// The scheduler's view of a sweep's tasks by point index, and a note on how it was obtained (e.g. that
/// accounting is not available, so finished tasks are judged from their run folders alone).
/// </summary>
public sealed record SchedulerView(IReadOnlyDictionary<int, SchedulerTask> Tasks, IReadOnlyDictionary<int, SlurmSubmission> Submissions, string? Note);
