using System.Diagnostics;
using MovinetExp.Common;
using MovinetExp.Tests.Support;
using MovinetExp.IO.Downloads;

namespace MovinetExp.Tests.Data.Remote;

/// <summary>A download never waits forever: read timeouts, a bounded number of attempts, resuming between them.</summary>
public class DownloadTimeoutTests
{
    private static readonly byte[] Content = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 13 + i / 251)).ToArray();

    private static readonly DownloadSettings Quick =
        new(ConnectTimeout: TimeSpan.FromSeconds(2), ReadTimeout: TimeSpan.FromMilliseconds(500), Attempts: 3, RetryDelay: TimeSpan.FromMilliseconds(50));

    [Fact]
    public async Task AServerThatNeverAnswersIsGivenUpAfterTheConfiguredAttempts()
    {
        using var server = new SilentServer();
        string destination = Path.Combine(TestPaths.NewScratchFolder("dl-timeout"), "a0.tar.gz");
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<DataException>(() => new ResumableDownloader(settings: Quick).DownloadAsync(server.Url, destination));

        Assert.InRange(clock.Elapsed.TotalSeconds, 1.4, 15);
        Assert.Equal(3, server.ConnectionsAfterWaitingFor(3, TimeSpan.FromSeconds(5)));
        Assert.Contains(server.Url.ToString(), ex.Message);
        Assert.Contains("no data for 0.5 s", ex.Message);
        Assert.Contains("3 attempts", ex.Message);
        Assert.False(File.Exists(destination));
    }

    [Fact]
    public async Task AStalledTransferIsRetriedFromWhereItStopped()
    {
        using var server = new LoopbackFileServer(Content);
        string destination = Path.Combine(TestPaths.NewScratchFolder("dl-stall"), "a0.tar.gz");
        server.StallAfter(100_000);

        var result = await new ResumableDownloader(settings: Quick with { ReadTimeout = TimeSpan.FromSeconds(2), Attempts = 5 }).DownloadAsync(server.Url, destination);

        Assert.True(result.Resumed);
        Assert.Equal(Content, File.ReadAllBytes(destination));
        Assert.Equal(["", "bytes=100000-"], server.RangeHeaders.Take(2)); // the second request continued where the first stalled
    }

    [Fact]
    public async Task ADroppedConnectionIsRetriedAndResumed()
    {
        using var server = new LoopbackFileServer(Content);
        string destination = Path.Combine(TestPaths.NewScratchFolder("dl-drop"), "a0.tar.gz");
        server.DropConnectionAfter(50_000);

        var result = await new ResumableDownloader(settings: Quick with { ReadTimeout = TimeSpan.FromSeconds(30) }).DownloadAsync(server.Url, destination);

        Assert.True(result.Resumed);
        Assert.Equal(Content, File.ReadAllBytes(destination));
        Assert.True(server.BodyBytesSent < Content.Length + 50_000, $"sent {server.BodyBytesSent}: the retry started over");
    }

    [Fact]
    public async Task AMissingFileIsNotRetried()
    {
        using var server = new LoopbackFileServer(Content) { Status = 404 };
        string destination = Path.Combine(TestPaths.NewScratchFolder("dl-404"), "a0.tar.gz");

        var ex = await Assert.ThrowsAsync<DataException>(() =>
            new ResumableDownloader(settings: Quick with { ReadTimeout = TimeSpan.FromSeconds(30) }).DownloadAsync(server.Url, destination));

        Assert.Contains("404", ex.Message);
        Assert.Single(server.RangeHeaders);
    }
}
