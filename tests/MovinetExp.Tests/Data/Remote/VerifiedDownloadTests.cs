using MovinetExp.Common;
using MovinetExp.Tests.Support;
using MovinetExp.IO.Downloads;

namespace MovinetExp.Tests.Data.Remote;

public class VerifiedDownloadTests
{
    private static readonly byte[] Content = Enumerable.Range(0, 30_000).Select(i => (byte)(i % 251)).ToArray();

    [Fact]
    public async Task RecordsTheHashOnFirstDownloadAndReusesWithoutNetwork()
    {
        using var server = new LoopbackFileServer(Content);
        string destination = Path.Combine(TestPaths.NewScratchFolder("vd"), "a0.tar.gz");
        await VerifiedDownload.EnsureAsync(server.Url, destination);
        string expected = FileHashes.Sha256(Content);
        Assert.Equal($"{expected}  a0.tar.gz\n", File.ReadAllText(VerifiedDownload.RecordPath(destination)));

        long sent = server.BodyBytesSent;
        await VerifiedDownload.EnsureAsync(server.Url, destination, expectedSha256: expected);
        Assert.Equal(sent, server.BodyBytesSent);
    }

    [Fact]
    public async Task AChangedCachedFileIsCaughtOnReuse()
    {
        using var server = new LoopbackFileServer(Content);
        string destination = Path.Combine(TestPaths.NewScratchFolder("vd"), "a0.tar.gz");
        await VerifiedDownload.EnsureAsync(server.Url, destination);
        File.WriteAllBytes(destination, Content[..1000]); // truncated cache file

        var ex = await Assert.ThrowsAsync<DataException>(() => VerifiedDownload.EnsureAsync(server.Url, destination));
        Assert.Contains(destination, ex.Message);
        Assert.Contains(FileHashes.Sha256(Content), ex.Message);
    }

    [Fact]
    public async Task ALaterDownloadThatDiffersFromTheRecordIsRefusedAndNotKept()
    {
        using var server = new LoopbackFileServer(Content);
        string destination = Path.Combine(TestPaths.NewScratchFolder("vd"), "a0.tar.gz");
        var first = await VerifiedDownload.EnsureAsync(server.Url, destination);
        Assert.Equal(DigestCheck.RecordedNow, first.Check);

        File.Delete(destination); // the record stays
        server.Content = Content.Reverse().ToArray();
        var ex = await Assert.ThrowsAsync<DataException>(() => VerifiedDownload.EnsureAsync(server.Url, destination));

        Assert.Contains(FileHashes.Sha256(Content), ex.Message);
        Assert.Contains(VerifiedDownload.RecordPath(destination), ex.Message);
        Assert.False(File.Exists(destination));
        server.Content = Content;
        Assert.Equal(DigestCheck.MatchesRecord, (await VerifiedDownload.EnsureAsync(server.Url, destination)).Check);
    }

    [Fact]
    public async Task AnExpectedHashMismatchRemovesTheDownload()
    {
        using var server = new LoopbackFileServer(Content);
        string destination = Path.Combine(TestPaths.NewScratchFolder("vd"), "a0.tar.gz");
        string wrong = new('0', 64);
        var ex = await Assert.ThrowsAsync<DataException>(() => VerifiedDownload.EnsureAsync(server.Url, destination, wrong));
        Assert.Contains(wrong, ex.Message);
        Assert.False(File.Exists(destination));
        Assert.False(File.Exists(VerifiedDownload.RecordPath(destination)));
    }

    [Fact]
    public async Task AnExistingFileWithoutRecordGetsOne()
    {
        string destination = Path.Combine(TestPaths.NewScratchFolder("vd"), "local.tar.gz");
        File.WriteAllBytes(destination, Content);
        var offline = new Uri($"http://127.0.0.1:{HttpRangeReaderTests.ClosedPort()}/x");
        await VerifiedDownload.EnsureAsync(offline, destination);
        Assert.StartsWith(FileHashes.Sha256(Content), File.ReadAllText(VerifiedDownload.RecordPath(destination)));
    }
}
