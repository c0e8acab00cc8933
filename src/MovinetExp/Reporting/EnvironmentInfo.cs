namespace MovinetExp.Reporting;

/// <summary>
/// What a run ran on and with, for environment.json: enough to reproduce it or explain a difference between
/// two runs. Engine versions come from the caller so the reporting code does not depend on TorchSharp.
/// Hashes are lowercase hex SHA-256 (null when not applicable, e.g. no checkpoint for a from-scratch run).
/// </summary>
public sealed record EnvironmentInfo
{
    public required string ToolVersion { get; init; }
    public required string TorchSharpVersion { get; init; }
    public required string LibTorchVersion { get; init; }
    public required string DotnetVersion { get; init; }
    public required string Os { get; init; }
    public required string CpuModel { get; init; }
    public required int LogicalCores { get; init; }
    /// <summary>"cpu" or "cuda:N".</summary>
    public required string Device { get; init; }
    /// <summary>Intra-op threads the engine was allowed to use.</summary>
    public required int Threads { get; init; }
    public required long Seed { get; init; }
    public string? CheckpointSha256 { get; init; }
    /// <summary>SHA-256 of data_files.csv (the exact list of videos used).</summary>
    public string? DataFileListSha256 { get; init; }
    /// <summary>The data source's own manifest hash (for example of a split list), if it has one.</summary>
    public string? DataManifestHash { get; init; }
    public required string CommandLine { get; init; }
    public required DateTime StartedUtc { get; init; }
    public DateTime? FinishedUtc { get; init; }
    /// <summary>Which convolution kernels computed the run's numbers and how they were checked.</summary>
    public NumericsRecord? Numerics { get; init; }
    /// <summary>Named wall-clock durations in seconds (e.g. "data_loading", "training", "evaluation").</summary>
    public IReadOnlyDictionary<string, double>? TimingsSeconds { get; init; }
    /// <summary>
    /// Peak resident memory in MiB of the same phases, native memory included (history.csv has the peaks of each
    /// epoch's phases).
    /// </summary>
    public IReadOnlyDictionary<string, double>? PeakRssMb { get; init; }
}
