using MovinetExp.IO.Downloads;
using System.Net;
using System.Net.Sockets;
using MovinetExp.Common;
using MovinetExp.Data.Remote;

namespace MovinetExp.Tests.Data.Remote;

public class HttpRangeReaderTests
{
    private static readonly byte[] Content = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7 + i / 256)).ToArray();

    [Fact]
    public async Task ReadsExactlyTheRequestedBytesAndTheLength()
    {
        using var server = new LoopbackFileServer(Content);
        var reader = new HttpRangeReader(server.Url);
        Assert.Equal(Content.Length, await reader.GetLengthAsync());
        Assert.Equal(Content[12_345..12_445], await reader.ReadAsync(12_345, 100));
        Assert.Contains("bytes=12345-12444", server.RangeHeaders);
    }

    [Fact]
    public async Task AServerIgnoringRangesIsADataException()
    {
        using var server = new LoopbackFileServer(Content) { IgnoreRanges = true };
        var ex = await Assert.ThrowsAsync<DataException>(() => new HttpRangeReader(server.Url).ReadAsync(10, 10));
        Assert.Contains("ignores HTTP Range", ex.Message);
        Assert.Contains(server.Url.ToString(), ex.Message);
    }

    private static readonly DownloadSettings OneAttempt = DownloadSettings.Default with { Attempts = 1 };

    [Fact]
    public async Task ADroppedConnectionKeepsTheBytesReceivedAndSaysWhichUrl()
    {
        using var server = new LoopbackFileServer(Content);
        server.DropConnectionAfter(40_000);
        var received = new MemoryStream();
        var ex = await Assert.ThrowsAsync<DataException>(() =>
            new HttpRangeReader(server.Url, settings: OneAttempt).CopyRangeToAsync(0, Content.Length, received));
        Assert.Contains(server.Url.ToString(), ex.Message);
        Assert.Contains("1 attempt", ex.Message);
        Assert.InRange(received.Length, 1, 40_000);
        Assert.Equal(Content[..(int)received.Length], received.ToArray());
    }

    [Fact]
    public async Task ADroppedConnectionIsRetriedFromTheFirstByteNotReceived()
    {
        using var server = new LoopbackFileServer(Content);
        server.DropConnectionAfter(40_000);
        var received = new MemoryStream();
        var settings = DownloadSettings.Default with { RetryDelay = TimeSpan.FromMilliseconds(10) };

        await new HttpRangeReader(server.Url, settings: settings).CopyRangeToAsync(0, Content.Length, received);

        Assert.Equal(Content, received.ToArray());
        Assert.Equal(2, server.RangeHeaders.Count);
        // The second request asks only for what the first did not deliver (it dropped after 40,000 bytes).
        string[] range = server.RangeHeaders[1].Split('=', '-');
        Assert.InRange(long.Parse(range[1]), 1, 40_000);
        Assert.Equal(Content.Length - 1, long.Parse(range[2]));
    }

    [Fact]
    public async Task AServerErrorIsRetriedAndANotFoundIsNot()
    {
        var settings = DownloadSettings.Default with { RetryDelay = TimeSpan.FromMilliseconds(10) };
        using (var recovering = new LoopbackFileServer(Content) { Status = 503, StatusRequests = 1 })
        {
            Assert.Equal(Content[100..200], await new HttpRangeReader(recovering.Url, settings: settings).ReadAsync(100, 100));
            Assert.Equal(2, recovering.RangeHeaders.Count);
        }

        using (var down = new LoopbackFileServer(Content) { Status = 502 })
        {
            var ex = await Assert.ThrowsAsync<DataException>(() => new HttpRangeReader(down.Url, settings: settings).ReadAsync(100, 100));
            Assert.Contains("502", ex.Message);
            Assert.Contains($"{settings.Attempts} attempts", ex.Message);
            Assert.Equal(settings.Attempts, down.RangeHeaders.Count);
        }

        using var missing = new LoopbackFileServer(Content) { Status = 404 };
        await Assert.ThrowsAsync<DataException>(() => new HttpRangeReader(missing.Url, settings: settings).ReadAsync(100, 100));
        Assert.Single(missing.RangeHeaders);
    }

    [Fact]
    public async Task NoServerIsADataExceptionNamingTheUrl()
    {
        var url = new Uri($"http://127.0.0.1:{ClosedPort()}/UCF101_videos.zip");
        var ex = await Assert.ThrowsAsync<DataException>(() => new HttpRangeReader(url).GetLengthAsync());
        Assert.Contains(url.ToString(), ex.Message);
        Assert.Contains("pass a local file path instead", ex.Message);
    }

    /// <summary>A loopback port nobody listens on: bound, read, released.</summary>
    internal static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
