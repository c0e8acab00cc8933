using System.Text.Json.Serialization;

namespace MovinetExp.Benchmarks;

/// <summary>Everything `dotnet movinet bench --json` prints: the machine, the engine versions and each figure.</summary>
public sealed record BenchmarkReport(
    [property: JsonPropertyName("tool_version")] string ToolVersion,
    [property: JsonPropertyName("torchsharp_version")] string TorchSharpVersion,
    [property: JsonPropertyName("libtorch_version")] string LibTorchVersion,
    [property: JsonPropertyName("cpu_model")] string CpuModel,
    [property: JsonPropertyName("logical_cores")] int LogicalCores,
    [property: JsonPropertyName("threads")] int Threads,
    [property: JsonPropertyName("device")] string Device,
    [property: JsonPropertyName("measurements")] IReadOnlyList<Measurement> Measurements,
    [property: JsonPropertyName("total_seconds")] double TotalSeconds);
