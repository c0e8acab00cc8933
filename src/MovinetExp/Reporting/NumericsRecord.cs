namespace MovinetExp.Reporting;

/// <summary>
/// The convolution kernels a run computed with, for environment.json: the kernel environment (CPU
/// instruction sets, oneDNN version and cap) and, per convolution problem, the algorithm used, its check
/// against float64, and whether the preferred algorithm was wrong on this machine (rerouted).
/// </summary>
public sealed record NumericsRecord(string KernelEnvironment, bool Routing, bool Checks, int Problems,
    IReadOnlyList<string> Rerouted, IReadOnlyList<ConvRouteRecord> Routes);

/// <summary>One convolution problem: its description, the algorithm used, the worst relative error of
/// that algorithm's check (null when checks were off), and when that check ran if an earlier process on
/// this machine ran it (null: checked by this run).</summary>
public sealed record ConvRouteRecord(string Problem, string Algorithm, double? Error, bool Rerouted, DateTimeOffset? CheckedEarlier);
