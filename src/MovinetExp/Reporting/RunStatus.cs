namespace MovinetExp.Reporting;

/// <summary>
/// Contents of status.json: where the run stands, the last epoch whose checkpoint and history row were written
/// (null before the first epoch ends), an optional message (the error for a failed run), and when it was written.
/// </summary>
public sealed record RunStatus(RunState State, int? LastCompletedEpoch, string? Message, DateTime UpdatedUtc);
