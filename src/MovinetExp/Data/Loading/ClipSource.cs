using MovinetExp.Data.Video;

namespace MovinetExp.Data.Loading;

/// <summary>
/// Gets one item's clip for one epoch: plans its start from the keyed random generator, then takes it
/// from the cache or decodes it (and caches it). Thread-safe.
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
        if (_cache == null) return _reader.Read(item.Path, _reader.PlanFor(item.Path, _options.Start, samplingSeed));

        var video = FileIdentity.Of(item.Path);
        if (!_lengths.TryGetKnown(item.Path, out _))
        {
            if (_cache.TryGetLength(video, out int cached)) _lengths.Remember(item.Path, cached);
            else _cache.StoreLength(video, _reader.Length(item.Path));
        }
        var plan = _reader.PlanFor(item.Path, _options.Start, samplingSeed);
        string key = ClipCache.KeyFor(video, _options.Sampling, _options.Format, plan.Start);
        var clip = _cache.TryLoad(key);
        if (clip != null) return clip;
        clip = _reader.Read(item.Path, plan);
        _cache.Store(key, clip);
        return clip;
    }
}
