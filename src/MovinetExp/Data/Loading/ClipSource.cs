using MovinetExp.Data.Video;
using OpenCvSharp;

namespace MovinetExp.Data.Loading;

/// <summary>
/// Gets one item's clips for one epoch: one clip whose start comes from the keyed random generator (or
/// the centre), or K evenly spaced clips; each is taken from the cache or decoded (and cached). With or
/// without a cache the clips are the ones <see cref="VideoClipReader"/> returns for the item's keyed
/// seed. Thread-safe.
/// </summary>
internal sealed class ClipSource
{
    private readonly ClipLoaderOptions _options;
    private readonly VideoLengths _lengths = new();
    private readonly VideoClipReader _reader;
    private readonly ClipCache? _cache;

    public ClipSource(ClipLoaderOptions options)
    {
        _options = options;
        // Parallel workers already fill the cores: one FFmpeg thread each, and OpenCV's own parallel loops
        // (resize) off for the process, whose pool threads otherwise wait for a core another worker holds.
        if (options.Workers > 1) Cv2.SetNumThreads(1);
        _reader = new VideoClipReader(options.Sampling, options.Format, _lengths, decoderThreads: options.Workers > 1 ? 1 : 0, options.Profile);
        _cache = options.CacheDirectory == null ? null : new ClipCache(options.CacheDirectory);
    }

    /// <summary>The clips of <paramref name="item"/> (position <paramref name="itemIndex"/> in the loader's list) in <paramref name="epoch"/>.</summary>
    public IReadOnlyList<Clip> Load(VideoItem item, int itemIndex, int epoch)
    {
        int samplingSeed = SamplingRandom.SeedFor(_options.Seed, epoch, itemIndex);
        if (_cache == null) return Decode(item.Path, samplingSeed);

        var video = FileIdentity.Of(item.Path);
        Clip?[] cached;
        using (LoadProfile.Time(_options.Profile, LoadStage.Cache))
        {
            if (!_lengths.TryGetKnown(item.Path, out _) && _cache.TryGetLength(video, out int cachedLength))
                _lengths.Remember(item.Path, cachedLength);
        }
        var plans = Plans(item.Path, samplingSeed);
        using (LoadProfile.Time(_options.Profile, LoadStage.Cache)) cached = plans.Select(plan => _cache.TryLoad(Key(video, plan.Start))).ToArray();
        if (cached.All(clip => clip != null)) return cached!;

        // Decode through the same path as without a cache, which may correct the length and replan;
        // clips are then stored under the starts they really have, and the length they were planned from.
        var clips = Decode(item.Path, samplingSeed);
        int length = _reader.Length(item.Path);
        using (LoadProfile.Time(_options.Profile, LoadStage.Cache))
        {
            _cache.StoreLength(video, length);
            foreach (var clip in clips) _cache.Store(Key(video, clip.Start), clip);
        }
        return clips;
    }

    private IReadOnlyList<Clip> Decode(string path, int samplingSeed) => _options.ClipsPerVideo == 1
        ? [_reader.Read(path, _options.Start, samplingSeed)]
        : _reader.ReadEvenlySpaced(path, _options.ClipsPerVideo);

    private IReadOnlyList<ClipPlan> Plans(string path, int samplingSeed) => _options.ClipsPerVideo == 1
        ? [_reader.PlanFor(path, _options.Start, samplingSeed)]
        : ClipSampler.EvenlySpaced(_reader.Length(path), _options.Sampling, _options.ClipsPerVideo);

    private string Key(FileIdentity video, int start) => ClipCache.KeyFor(video, _options.Sampling, _options.Format, start);
}
