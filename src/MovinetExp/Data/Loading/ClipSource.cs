using MovinetExp.Data.Video;

namespace MovinetExp.Data.Loading;

/// <summary>
/// Gets one item's clip for one epoch: plans its start from the keyed random generator, then takes it
/// from the cache or decodes it (and caches it). With or without a cache the clip is the one
/// <see cref="VideoClipReader.Read(string, ClipStart, int)"/> returns for the item's keyed seed. Thread-safe.
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
        _reader = new VideoClipReader(options.Sampling, options.Format, _lengths);
        _cache = options.CacheDirectory == null ? null : new ClipCache(options.CacheDirectory);
    }

    /// <summary>The clip of <paramref name="item"/> (position <paramref name="itemIndex"/> in the loader's list) in <paramref name="epoch"/>.</summary>
    public Clip Load(VideoItem item, int itemIndex, int epoch)
    {
        int samplingSeed = SamplingRandom.SeedFor(_options.Seed, epoch, itemIndex);
        if (_cache == null) return _reader.Read(item.Path, _options.Start, samplingSeed);

        var video = FileIdentity.Of(item.Path);
        if (!_lengths.TryGetKnown(item.Path, out _) && _cache.TryGetLength(video, out int cachedLength))
            _lengths.Remember(item.Path, cachedLength);
        var plan = _reader.PlanFor(item.Path, _options.Start, samplingSeed);
        var clip = _cache.TryLoad(ClipCache.KeyFor(video, _options.Sampling, _options.Format, plan.Start));
        if (clip != null) return clip;

        // Decode through the same path as without a cache, which may correct the length and replan;
        // the clip is then stored under the start it really has, and the length it was planned from.
        clip = _reader.Read(item.Path, _options.Start, samplingSeed);
        _cache.StoreLength(video, _reader.Length(item.Path));
        _cache.Store(ClipCache.KeyFor(video, _options.Sampling, _options.Format, clip.Start), clip);
        return clip;
    }
}
