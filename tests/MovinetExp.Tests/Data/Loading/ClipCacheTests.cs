using MovinetExp.Data.Loading;
using MovinetExp.Data.Video;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Data.Loading;

public class ClipCacheTests
{
    private static ClipLoaderOptions Options(string? cache) =>
        new(LoaderFixtures.Sampling, LoaderFixtures.Format, BatchSize: 4) { Seed = 5, CacheDirectory = cache };

    [Fact]
    public void WarmCacheReturnsExactlyTheColdPixels()
    {
        string cache = TestPaths.NewScratchFolder("clip-cache");
        var cold = new ClipLoader(LoaderFixtures.Items, Options(cache)).Epoch(0).SelectMany(b => b.Pixels).ToArray();
        int entries = Directory.EnumerateFiles(cache, "*.clip", SearchOption.AllDirectories).Count();
        var warm = new ClipLoader(LoaderFixtures.Items, Options(cache)).Epoch(0).SelectMany(b => b.Pixels).ToArray();
        var uncached = new ClipLoader(LoaderFixtures.Items, Options(null)).Epoch(0).SelectMany(b => b.Pixels).ToArray();

        Assert.Equal(LoaderFixtures.Items.Count, entries);
        Assert.Equal(cold, warm);
        // float16 rounding: half an ulp at 1.0 is 2^-11 (about 4.9e-4).
        Assert.True(cold.Zip(uncached).All(p => Math.Abs(p.First - p.Second) <= 4.9e-4f));
        Assert.Contains(cold.Zip(uncached), p => p.First != p.Second); // it really is rounded
    }

    [Fact]
    public void MultiClipLoadingIsCachedPerClip()
    {
        string cache = TestPaths.NewScratchFolder("clip-cache-multi");
        var options = Options(cache) with { ClipsPerVideo = 2 };
        var items = LoaderFixtures.Items.Take(2).ToList();
        var cold = new ClipLoader(items, options).Epoch(0).SelectMany(b => b.Pixels).ToArray();
        var warm = new ClipLoader(items, options).Epoch(0).SelectMany(b => b.Pixels).ToArray();
        Assert.Equal(4, Directory.EnumerateFiles(cache, "*.clip", SearchOption.AllDirectories).Count());
        Assert.Equal(cold, warm);
    }

    [Fact]
    public void EntriesAreKeyedByStartSoAnotherEpochMisses()
    {
        string cache = TestPaths.NewScratchFolder("clip-cache-epochs");
        var loader = new ClipLoader(LoaderFixtures.Items, Options(cache));
        var starts0 = loader.Epoch(0).SelectMany(b => b.Starts).ToArray();
        var starts1 = loader.Epoch(1).SelectMany(b => b.Starts).ToArray();
        int differing = starts0.Zip(starts1).Count(p => p.First != p.Second);
        Assert.Equal(LoaderFixtures.Items.Count + differing, Directory.EnumerateFiles(cache, "*.clip", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public void CorruptEntryIsAMissAndIsRewritten()
    {
        string cache = TestPaths.NewScratchFolder("clip-cache-corrupt");
        var store = new ClipCache(cache);
        string key = ClipCache.KeyFor(FileIdentity.Of(LoaderFixtures.Items[0].Path), LoaderFixtures.Sampling, LoaderFixtures.Format, 2);
        var clip = new Clip(Enumerable.Range(0, 3 * 32 * 32 * 3).Select(i => (i % 97) / 96f).ToArray(), 3, 32, 32, 2, 3);
        store.Store(key, clip);

        var loaded = store.TryLoad(key);
        Assert.NotNull(loaded);
        Assert.Equal(clip.Pixels, loaded.Pixels);
        Assert.Equal((2, 3), (loaded.Start, loaded.DecodedFrames));

        string file = Directory.EnumerateFiles(cache, key + ".clip", SearchOption.AllDirectories).Single();
        File.WriteAllBytes(file, File.ReadAllBytes(file)[..100]);
        Assert.Null(store.TryLoad(key));
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void LengthsArePersisted()
    {
        var store = new ClipCache(TestPaths.NewScratchFolder("clip-cache-lengths"));
        var video = FileIdentity.Of(LoaderFixtures.Items[0].Path);
        Assert.False(store.TryGetLength(video, out _));
        store.StoreLength(video, 14);
        Assert.True(store.TryGetLength(video, out int length));
        Assert.Equal(14, length);
    }
}
