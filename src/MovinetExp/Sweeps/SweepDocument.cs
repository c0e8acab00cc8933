namespace MovinetExp.Sweeps;

/// <summary>sweep.json: the sweep's definition and the last status of each point (rewritten by every `sweep status`/`collect`).</summary>
public sealed record SweepDocument(SweepDefinition Definition, IReadOnlyList<SweepPointStatus> Status, DateTime UpdatedUtc);
