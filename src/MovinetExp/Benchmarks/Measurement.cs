using System.Text.Json.Serialization;

namespace MovinetExp.Benchmarks;

/// <summary>
/// One benchmark figure: the median of the timed repetitions (after warm-up) with min and max, in
/// <see cref="Unit"/> (clips/s, higher is better, or ms/frame and ms/clip, lower is better), and the highest resident
/// memory (VmRSS) sampled after its repetitions.
/// </summary>
public sealed record Measurement(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("median")] double Median,
    [property: JsonPropertyName("min")] double Min,
    [property: JsonPropertyName("max")] double Max,
    [property: JsonPropertyName("repetitions")] int Repetitions,
    [property: JsonPropertyName("threads")] int Threads,
    [property: JsonPropertyName("peak_rss_mb")] double PeakRssMb,
    [property: JsonPropertyName("setup")] string Setup)
{
    /// <summary>Summarises per-repetition values (already in <paramref name="unit"/>).</summary>
    public static Measurement From(string name, string unit, IReadOnlyList<double> values, int threads, long peakRssBytes, string setup)
    {
        var sorted = values.Order().ToArray();
        double median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        return new Measurement(name, unit, Math.Round(median, 3), Math.Round(sorted[0], 3), Math.Round(sorted[^1], 3), sorted.Length, threads,
            Math.Round(peakRssBytes / 1048576.0, 1), setup);
    }
}
