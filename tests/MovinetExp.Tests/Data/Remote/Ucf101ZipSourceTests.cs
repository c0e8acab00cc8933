using MovinetExp.IO.Downloads;
using MovinetExp.Common;
using MovinetExp.Data.Remote;
using MovinetExp.Data.Sources;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Data.Remote;

public class Ucf101ZipSourceTests(TestVideoZip testZip) : IClassFixture<TestVideoZip>
{
    private static readonly SplitRequest TwoClasses =
        new(ClassSelection.Named(["Punch", "Rowing"]), new SplitCounts(2, 0, 1), SplitPolicy.Group, Seed: 7);

    [Fact]
    public async Task TwoClassesDownloadOnlyASmallFractionAndMatchTheOriginals()
    {
        using var server = new LoopbackFileServer(testZip.Bytes);
        string cache = TestPaths.NewScratchFolder("ucfzip");
        var splits = await Ucf101ZipSource.LoadAsync(server.Url, cache, TwoClasses);

        Assert.Equal(["Punch", "Rowing"], splits.ClassNames);
        Assert.Equal(4, splits.Train.Count);
        Assert.Equal(2, splits.Test.Count);
        Assert.True(server.BodyBytesSent < testZip.Bytes.Length / 4,
            $"sent {server.BodyBytesSent} of {testZip.Bytes.Length} bytes");
        foreach (var item in splits.Train.Concat(splits.Test))
        {
            string entryName = Path.GetRelativePath(cache, item.Path).Replace('\\', '/');
            Assert.Equal(FileHashes.Sha256(testZip.Sources[entryName]), FileHashes.Sha256(item.Path));
        }
        // Only the chosen files were written to the cache.
        Assert.Equal(6, Directory.GetFiles(cache, "*", SearchOption.AllDirectories).Length);
        Assert.Empty(splits.Train.Select(i => (i.ClassName, i.Group)).Intersect(splits.Test.Select(i => (i.ClassName, i.Group))));
    }

    [Fact]
    public async Task ClassesByCountFollowTheZipListingOrder()
    {
        using var server = new LoopbackFileServer(testZip.Bytes);
        var request = new SplitRequest(ClassSelection.FirstN(2), new SplitCounts(1, 0, 0));
        var splits = await Ucf101ZipSource.LoadAsync(server.Url, TestPaths.NewScratchFolder("ucfzip"), request);
        Assert.Equal(["Basketball", "Biking"], splits.ClassNames);
    }

    [Fact]
    public async Task ListsClassesWithVideoCountsFromTheDirectoryAlone()
    {
        using var server = new LoopbackFileServer(testZip.Bytes);
        var classes = await Ucf101ZipSource.ListClassesAsync(server.Url);
        var expected = testZip.Sources.Keys.GroupBy(k => k.Split('/')[1]).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()));
        Assert.Equal(expected, classes);
        Assert.Equal(("Biking", 6), classes[1]);
        Assert.True(server.BodyBytesSent < 100_000);
    }

    [Fact]
    public async Task AnInterruptedDownloadResumesInsteadOfStartingOver()
    {
        long fresh;
        using (var counting = new LoopbackFileServer(testZip.Bytes))
        {
            await Ucf101ZipSource.LoadAsync(counting.Url, TestPaths.NewScratchFolder("ucfzip"), TwoClasses);
            fresh = counting.BodyBytesSent;
        }

        using var server = new LoopbackFileServer(testZip.Bytes);
        string cache = TestPaths.NewScratchFolder("ucfzip");
        long dropAt = fresh / 2;
        server.DropConnectionAfter(dropAt);
        // One attempt: a failure that outlasts the retries (the run stops), and a later run resumes.
        var ex = await Assert.ThrowsAsync<DataException>(() => Ucf101ZipSource.LoadAsync(server.Url, cache, TwoClasses,
            settings: DownloadSettings.Default with { Attempts = 1 }));
        Assert.Contains(server.Url.ToString(), ex.Message);
        Assert.Contains("local file path", ex.Message);
        Assert.NotEmpty(Directory.GetFiles(cache, "*.part", SearchOption.AllDirectories));

        var splits = await Ucf101ZipSource.LoadAsync(server.Url, cache, TwoClasses);
        // Starting over would cost fresh + dropAt; resuming costs about fresh (plus the listing again).
        Assert.True(server.BodyBytesSent < fresh + dropAt / 2, $"resumed total {server.BodyBytesSent}, fresh {fresh}");
        Assert.Empty(Directory.GetFiles(cache, "*.part", SearchOption.AllDirectories));
        foreach (var item in splits.Train.Concat(splits.Test))
        {
            string entryName = Path.GetRelativePath(cache, item.Path).Replace('\\', '/');
            Assert.Equal(FileHashes.Sha256(testZip.Sources[entryName]), FileHashes.Sha256(item.Path));
        }
    }

    [Fact]
    public async Task AServerThatIgnoresRangesIsReportedClearly()
    {
        using var server = new LoopbackFileServer(testZip.Bytes) { IgnoreRanges = true };
        var ex = await Assert.ThrowsAsync<DataException>(() =>
            Ucf101ZipSource.LoadAsync(server.Url, TestPaths.NewScratchFolder("ucfzip"), TwoClasses));
        Assert.Contains("ignores HTTP Range", ex.Message);
        Assert.Contains("local file path", ex.Message);
    }

    [Fact]
    public async Task AnUnknownClassIsReportedWithASuggestionBeforeAnyDownload()
    {
        using var server = new LoopbackFileServer(testZip.Bytes);
        var request = new SplitRequest(ClassSelection.Named(["Rowng"]), new SplitCounts(1, 0, 0));
        var ex = await Assert.ThrowsAsync<DataException>(() =>
            Ucf101ZipSource.LoadAsync(server.Url, TestPaths.NewScratchFolder("ucfzip"), request));
        Assert.Contains("did you mean 'Rowing'", ex.Message);
    }
}
