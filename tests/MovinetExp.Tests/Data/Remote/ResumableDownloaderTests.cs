using MovinetExp.Common;
using MovinetExp.Tests.Support;
using MovinetExp.IO.Downloads;

namespace MovinetExp.Tests.Data.Remote;

public class ResumableDownloaderTests
{
    private static readonly string Clip = Path.Combine(TestPaths.Videos, "ucf101", "Punch", "v_Punch_g03_c01.avi");

    [Fact]
    public async Task DownloadsTheFileAndItsSha256()
    {
        byte[] content = File.ReadAllBytes(Clip);
        using var server = new LoopbackFileServer(content);
        string destination = Path.Combine(TestPaths.NewScratchFolder("dl"), "clip.avi");
        var reports = new List<(long Done, long? Total)>();
        var result = await new ResumableDownloader().DownloadAsync(server.Url, destination, new Recorder(reports));

        Assert.Equal(FileHashes.Sha256(Clip), result.Sha256);
        Assert.Equal(content, File.ReadAllBytes(destination));
        Assert.Equal(content.Length, result.Length);
        Assert.False(result.Resumed);
        Assert.False(File.Exists(ResumableDownloader.PartPath(destination)));
        Assert.Equal((content.Length, (long?)content.Length), reports[^1]);
    }

    [Fact]
    public async Task AnInterruptedDownloadResumesFromThePartLength()
    {
        byte[] content = File.ReadAllBytes(Clip);
        using var server = new LoopbackFileServer(content);
        string destination = Path.Combine(TestPaths.NewScratchFolder("dl"), "clip.avi");
        server.DropConnectionAfter(100_000);
        var once = DownloadSettings.Default with { Attempts = 1 }; // the retry within one call is tested in DownloadTimeoutTests
        var ex = await Assert.ThrowsAsync<DataException>(() => new ResumableDownloader(settings: once).DownloadAsync(server.Url, destination));
        Assert.Contains(server.Url.ToString(), ex.Message);
        Assert.Contains("local file path", ex.Message);
        long partLength = new FileInfo(ResumableDownloader.PartPath(destination)).Length;
        Assert.InRange(partLength, 1, 100_000);
        Assert.False(File.Exists(destination));

        var result = await new ResumableDownloader().DownloadAsync(server.Url, destination);
        Assert.True(result.Resumed);
        Assert.Equal(content.Length - partLength, result.BytesTransferred);
        Assert.Equal($"bytes={partLength}-", server.RangeHeaders[^1]);
        Assert.Equal(FileHashes.Sha256(Clip), result.Sha256);
    }

    [Fact]
    public async Task AServerIgnoringRangesRestartsFromZero()
    {
        byte[] content = File.ReadAllBytes(Clip);
        using var server = new LoopbackFileServer(content);
        string destination = Path.Combine(TestPaths.NewScratchFolder("dl"), "clip.avi");
        File.WriteAllBytes(ResumableDownloader.PartPath(destination), content[..5000]);
        server.IgnoreRanges = true;

        var result = await new ResumableDownloader().DownloadAsync(server.Url, destination);
        Assert.False(result.Resumed);
        Assert.Equal(content.Length, result.BytesTransferred);
        Assert.Equal(content, File.ReadAllBytes(destination));
    }

    [Fact]
    public async Task ACompletePartIsFinishedWithoutDownloadingAgain()
    {
        byte[] content = File.ReadAllBytes(Clip);
        using var server = new LoopbackFileServer(content);
        string destination = Path.Combine(TestPaths.NewScratchFolder("dl"), "clip.avi");
        File.WriteAllBytes(ResumableDownloader.PartPath(destination), content);

        var result = await new ResumableDownloader().DownloadAsync(server.Url, destination);
        Assert.Equal(0, result.BytesTransferred);
        Assert.Equal(FileHashes.Sha256(Clip), result.Sha256);
    }

    [Fact]
    public async Task OfflineIsADataExceptionNamingTheUrl()
    {
        var url = new Uri($"http://127.0.0.1:{HttpRangeReaderTests.ClosedPort()}/movinet_a0_base.tar.gz");
        string destination = Path.Combine(TestPaths.NewScratchFolder("dl"), "a0.tar.gz");
        var ex = await Assert.ThrowsAsync<DataException>(() => new ResumableDownloader().DownloadAsync(url, destination));
        Assert.Contains(url.ToString(), ex.Message);
        Assert.Contains("pass a local file path instead", ex.Message);
    }

    private sealed class Recorder(List<(long, long?)> reports) : IProgress<(long, long?)>
    {
        public void Report((long, long?) value) => reports.Add(value);
    }
}
