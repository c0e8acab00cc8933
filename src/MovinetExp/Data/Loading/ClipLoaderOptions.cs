using MovinetExp.Common;
using MovinetExp.Data.Video;

namespace MovinetExp.Data.Loading;

/// <summary>How <see cref="ClipLoader"/> samples, fits, batches and caches clips.</summary>
public sealed record ClipLoaderOptions(ClipSampling Sampling, FrameFormat Format, int BatchSize)
{
    /// <summary>Random (training, the tutorial) or centred (evaluation) clip starts.</summary>
    public ClipStart Start { get; init; } = ClipStart.Random;

    /// <summary>Seed of every random choice: clip starts are keyed by (Seed, epoch, item index), shuffling by (Seed, epoch).</summary>
    public int Seed { get; init; }

    /// <summary>Visit the items in a different seeded order each epoch (the tutorial shuffles training data).</summary>
    public bool Shuffle { get; init; }

    /// <summary>Clips decoded at the same time.</summary>
    public int Workers { get; init; } = 2;

    /// <summary>Batches decoded ahead of the consumer (bounds memory: about Prefetch + 2 batches exist at once).</summary>
    public int Prefetch { get; init; } = 2;

    /// <summary>
    /// 1: one clip per video. K &gt; 1: K evenly spaced clips per video for video-level accuracy
    /// (<see cref="Start"/> is then ignored); a batch holds BatchSize videos, i.e. BatchSize * K clips.
    /// </summary>
    public int ClipsPerVideo { get; init; } = 1;

    public BadVideoPolicy OnBadVideo { get; init; } = BadVideoPolicy.Fail;

    /// <summary>Folder of the decoded-clip cache; null disables it. With a cache, pixels are rounded to float16 (warm = cold).</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Where to record the time of each loading stage (`bench --profile`); null records nothing.</summary>
    public LoadProfile? Profile { get; init; }

    /// <summary>Training as in the tutorial: random clip starts and a new seeded order every epoch.</summary>
    public static ClipLoaderOptions ForTraining(ClipSampling sampling, FrameFormat format, int batchSize, int seed) =>
        new(sampling, format, batchSize) { Start = ClipStart.Random, Shuffle = true, Seed = seed };

    /// <summary>Validation and test: centred clips in list order, identical every epoch.</summary>
    public static ClipLoaderOptions ForEvaluation(ClipSampling sampling, FrameFormat format, int batchSize) =>
        new(sampling, format, batchSize) { Start = ClipStart.Centre, Shuffle = false };

    /// <summary>Throws a UsageException naming the first invalid setting.</summary>
    public void Validate()
    {
        if (BatchSize < 1) throw new UsageException($"batch size must be at least 1 (got {BatchSize}).");
        if (Workers < 1) throw new UsageException($"loader workers must be at least 1 (got {Workers}).");
        if (ClipsPerVideo < 1) throw new UsageException($"clips per video must be at least 1 (got {ClipsPerVideo}).");
        if (Prefetch < 1) throw new UsageException($"loader prefetch must be at least 1 batch (got {Prefetch}).");
    }
}
