using System.Text.Json.Serialization;

namespace MovinetExp.Benchmarks;

/// <summary>Everything `dotnet movinet bench --json` prints: the machine, the engine versions, each figure and, on request, the load profile.</summary>
public sealed record BenchmarkReport(
    [property: JsonPropertyName("tool_version")] string ToolVersion,
    [property: JsonPropertyName("torchsharp_version")] string TorchSharpVersion,
    [property: JsonPropertyName("libtorch_version")] string LibTorchVersion,
    [property: JsonPropertyName("cpu_model")] string CpuModel,
    [property: JsonPropertyName("logical_cores")] int LogicalCores,
    [property: JsonPropertyName("threads")] int Threads,
    [property: JsonPropertyName("device")] string Device,
    [property: JsonPropertyName("measurements")] IReadOnlyList<Measurement> Measurements,
    [property: JsonPropertyName("total_seconds")] double TotalSeconds)
{
    /// <summary>With `--profile`: where the cold load's time went, per clip (see <see cref="LoadStageFigure"/>); else absent.</summary>
    [JsonPropertyName("load_profile")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<LoadStageFigure>? LoadProfile { get; init; }
}
