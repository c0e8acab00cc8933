using System.Diagnostics;

namespace MovinetExp.Data.Loading;

/// <summary>
/// Loading speed for <c>bench</c>, in seconds for the same clips: decoded without a cache (cold, what
/// the tutorial's loader does), decoded and written to an empty cache (fill, a first epoch with
/// <c>data.cache</c> on), and read back from it (warm).
/// </summary>
public sealed record ClipLoadBenchmarkResult(int Clips, int Workers, double ColdSeconds, double FillSeconds, double WarmSeconds)
{
    public double ColdClipsPerSecond => Clips / ColdSeconds;
    public double FillClipsPerSecond => Clips / FillSeconds;
    public double WarmClipsPerSecond => Clips / WarmSeconds;
}

/// <summary>Times <see cref="ClipLoader"/> on real videos.</summary>
public static class ClipLoadBenchmark
{
    /// <summary>
    /// Loads <paramref name="clips"/> clips (cycling through <paramref name="items"/>) three times with the
    /// same seed and epoch: without a cache (cold), into a fresh cache folder (fill), then from it (warm).
    /// The folder is created under <paramref name="scratchDirectory"/> and deleted afterwards. Bad videos
    /// follow the options' policy.
    /// </summary>
    public static ClipLoadBenchmarkResult Run(IReadOnlyList<VideoItem> items, ClipLoaderOptions options, int clips,
        string scratchDirectory, CancellationToken cancellation = default)
    {
        if (items.Count == 0) throw new ArgumentException("no videos to benchmark", nameof(items));
        if (clips < 1) throw new ArgumentOutOfRangeException(nameof(clips), clips, "at least one clip");
        var selection = Enumerable.Range(0, clips).Select(i => items[i % items.Count]).ToArray();
        string cache = Path.Combine(scratchDirectory, $"bench-cache-{Guid.NewGuid():N}");
        try
        {
            double cold = TimeEpoch(new ClipLoader(selection, options with { CacheDirectory = null }), cancellation);
            var cached = options with { CacheDirectory = cache };
            double fill = TimeEpoch(new ClipLoader(selection, cached), cancellation);
            double warm = TimeEpoch(new ClipLoader(selection, cached), cancellation);
            return new ClipLoadBenchmarkResult(clips, options.Workers, cold, fill, warm);
        }
        finally
        {
            if (Directory.Exists(cache)) Directory.Delete(cache, recursive: true);
        }
    }

    private static double TimeEpoch(ClipLoader loader, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        foreach (var _ in loader.Epoch(0, cancellation)) { }
        return watch.Elapsed.TotalSeconds;
    }
}
