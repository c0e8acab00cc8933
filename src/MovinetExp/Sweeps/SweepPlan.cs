using MovinetExp.Specs;

namespace MovinetExp.Sweeps;

/// <summary>A sweep's points with the resolved spec of each (same order), every one of them valid.</summary>
public sealed record SweepPlan(IReadOnlyList<SweepPoint> Points, IReadOnlyList<ExperimentSpec> Specs, string SpecDirectory);
