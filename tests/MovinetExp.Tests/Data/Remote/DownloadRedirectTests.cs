using System.Net;
using System.Net.Sockets;
using System.Text;
using MovinetExp.Common;
using MovinetExp.Data.Remote;
using MovinetExp.Tests.Support;
using MovinetExp.IO.Downloads;

namespace MovinetExp.Tests.Data.Remote;

/// <summary>
/// A server that redirects a download (a catalogue URL, the UCF101 zip) to a <c>file:</c> URL or to an
/// address that is no URL at all is a failed download: a <see cref="DataException"/> naming the URL
/// (exit 3), never an internal error (issue 14, item 6).
/// </summary>
public class DownloadRedirectTests
{
    public static TheoryData<string> Locations() =>
    [
        "file:///etc/passwd",
        "http://[::1",
        "http://127.0.0.1:99999/file.bin",
        "http://exa mple.com/file.bin",
        "http:///file.bin",
    ];

    [Theory]
    [MemberData(nameof(Locations))]
    public async Task ADownloadRedirectedToAFileOrMalformedUrlFailsAsData(string location)
    {
        using var server = new RedirectingServer(location);
        string destination = Path.Combine(TestPaths.NewScratchFolder("redirect"), "file.bin");

        var ex = await Assert.ThrowsAsync<DataException>(() => new ResumableDownloader().DownloadAsync(server.Url, destination));

        Assert.Contains(server.Url.ToString(), ex.Message);
        Assert.False(File.Exists(destination));
    }

    [Theory]
    [MemberData(nameof(Locations))]
    public async Task ARangeReadRedirectedToAFileOrMalformedUrlFailsAsData(string location)
    {
        using var server = new RedirectingServer(location);

        var ex = await Assert.ThrowsAsync<DataException>(() => new HttpRangeReader(server.Url).GetLengthAsync());

        Assert.Contains(server.Url.ToString(), ex.Message);
    }

    /// <summary>Answers every request on 127.0.0.1 with 302 and the given Location header, written raw so it may be malformed.</summary>
    private sealed class RedirectingServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly string _location;

        public RedirectingServer(string location)
        {
            _location = location;
            _listener.Start();
            Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/file.bin");
            _ = Task.Run(AcceptLoopAsync);
        }

        public Uri Url { get; }

        public void Dispose() => _listener.Stop();

        private async Task AcceptLoopAsync()
        {
            while (true)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync(); }
                catch (Exception) { return; }
                _ = Task.Run(async () =>
                {
                    using (client)
                    {
                        try
                        {
                            var stream = client.GetStream();
                            var reader = new StreamReader(stream, Encoding.Latin1);
                            while (!string.IsNullOrEmpty(await reader.ReadLineAsync())) { }
                            byte[] answer = Encoding.Latin1.GetBytes(
                                $"HTTP/1.1 302 Found\r\nLocation: {_location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                            await stream.WriteAsync(answer);
                        }
                        catch (IOException) { }
                    }
                });
            }
        }
    }
}
