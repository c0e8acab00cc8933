using System.Diagnostics;

namespace MovinetExp.Data.Loading;

/// <summary>
/// Loading speed for <c>bench</c>, in seconds for the same clips: decoded without a cache (cold, what
/// the tutorial's loader does), decoded and written to an empty cache (fill, a first epoch with
/// <c>data.cache</c> on), and read back from it (warm).
/// </summary>
/// <param name="ColdCpuSeconds">Processor time of the whole process during the cold pass, every thread: on a shared
/// machine it moves far less with the load than the wall time does.</param>
public sealed record ClipLoadBenchmarkResult(int Clips, int Workers, double ColdSeconds, double FillSeconds, double WarmSeconds,
    double ColdCpuSeconds)
{
    public double ColdCpuMillisecondsPerClip => ColdCpuSeconds * 1000 / Clips;

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
    /// <param name="coldProfile">Records where the cold pass's time goes; null records nothing.</param>
    public static ClipLoadBenchmarkResult Run(IReadOnlyList<VideoItem> items, ClipLoaderOptions options, int clips,
        string scratchDirectory, CancellationToken cancellation = default, LoadProfile? coldProfile = null)
    {
        if (items.Count == 0) throw new ArgumentException("no videos to benchmark", nameof(items));
        if (clips < 1) throw new ArgumentOutOfRangeException(nameof(clips), clips, "at least one clip");
        var selection = Enumerable.Range(0, clips).Select(i => items[i % items.Count]).ToArray();
        string cache = Path.Combine(scratchDirectory, $"bench-cache-{Guid.NewGuid():N}");
        try
        {
            var (cold, coldCpu) = TimeEpoch(new ClipLoader(selection, options with { CacheDirectory = null, Profile = coldProfile }), cancellation);
            var cached = options with { CacheDirectory = cache, Profile = null };
            var (fill, _) = TimeEpoch(new ClipLoader(selection, cached), cancellation);
            var (warm, _) = TimeEpoch(new ClipLoader(selection, cached), cancellation);
            return new ClipLoadBenchmarkResult(clips, options.Workers, cold, fill, warm, coldCpu);
        }
        finally
        {
            if (Directory.Exists(cache)) Directory.Delete(cache, recursive: true);
        }
    }

    /// <summary>Wall and process CPU seconds of one epoch.</summary>
    private static (double Wall, double Cpu) TimeEpoch(ClipLoader loader, CancellationToken cancellation)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        foreach (var _ in loader.Epoch(0, cancellation)) { }
        double wall = watch.Elapsed.TotalSeconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalSeconds);
    }
}
