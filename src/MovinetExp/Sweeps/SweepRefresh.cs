namespace MovinetExp.Sweeps;

/// <summary>The statuses a refresh computed, with the scheduler's note (e.g. sacct unavailable).</summary>
public sealed record SweepRefresh(SweepDefinition Definition, IReadOnlyList<SweepPointStatus> Status, string? SchedulerNote);
