using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace MovinetExp.Tests.Data.Remote;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 that serves one file with Range support, counts the body
/// bytes it sends, and can misbehave on purpose: ignore ranges, drop the connection or stall after N
/// bytes, answer an error status, or serve other content from one request to the next.
/// Written on TcpListener so the tests control exactly what goes over the wire.
/// </summary>
internal sealed partial class LoopbackFileServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private long _bodyBytesSent;
    private long _dropAfter = -1;
    private long _stallAfter = -1;

    public LoopbackFileServer(byte[] content)
    {
        Content = content;
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/file.bin");
        _ = Task.Run(AcceptLoopAsync);
    }

    public Uri Url { get; }

    /// <summary>What later requests are served (e.g. an HTML error page first, then the real file).</summary>
    public byte[] Content { get; set; }

    /// <summary>When set, every request is answered with this status and an empty body (e.g. 404).</summary>
    public int? Status { get; set; }

    /// <summary>When set, this many requests (the first ones) are answered with <see cref="Status"/>, later ones normally.</summary>
    public int? StatusRequests { get; set; }

    /// <summary>Body bytes sent over all requests so far.</summary>
    public long BodyBytesSent => Interlocked.Read(ref _bodyBytesSent);

    /// <summary>Range headers received, in order ("" when a request had none).</summary>
    public List<string> RangeHeaders { get; } = new();

    /// <summary>Answer every request with 200 and the whole file, as some servers do.</summary>
    public bool IgnoreRanges { get; set; }

    /// <summary>Close the connection once this many more body bytes were sent (one time only).</summary>
    public void DropConnectionAfter(long bytes) => Interlocked.Exchange(ref _dropAfter, BodyBytesSent + bytes);

    /// <summary>Stop sending, but keep the connection open, once this many more body bytes were sent (one time only).</summary>
    public void StallAfter(long bytes) => Interlocked.Exchange(ref _stallAfter, BodyBytesSent + bytes);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    [GeneratedRegex(@"^bytes=(\d+)-(\d*)$")]
    private static partial Regex RangePattern();

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                string? range = await ReadRangeHeaderAsync(stream);
                if (range is null) return;
                int requestNumber;
                lock (RangeHeaders)
                {
                    RangeHeaders.Add(range);
                    requestNumber = RangeHeaders.Count;
                }
                if (Status is int code && (StatusRequests is not int failing || requestNumber <= failing))
                {
                    await WriteAsync(stream, $"HTTP/1.1 {code} Scripted\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    return;
                }
                byte[] content = Content;
                long first = 0, last = content.Length - 1;
                string status = "200 OK";
                string extra = "";
                Match m = RangePattern().Match(range);
                if (!IgnoreRanges && m.Success)
                {
                    first = long.Parse(m.Groups[1].Value);
                    if (m.Groups[2].Value.Length > 0) last = Math.Min(last, long.Parse(m.Groups[2].Value));
                    if (first >= content.Length)
                    {
                        await WriteAsync(stream, $"HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */{content.Length}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                        return;
                    }
                    status = "206 Partial Content";
                    extra = $"Content-Range: bytes {first}-{last}/{content.Length}\r\n";
                }
                long length = last - first + 1;
                await WriteAsync(stream, $"HTTP/1.1 {status}\r\nContent-Length: {length}\r\n{extra}Accept-Ranges: bytes\r\nConnection: close\r\n\r\n");
                await SendBodyAsync(client, stream, content, first, length);
            }
            catch (IOException) { }
            catch (SocketException) { }
        }
    }

    private async Task SendBodyAsync(TcpClient client, NetworkStream stream, byte[] content, long first, long length)
    {
        long offset = first, remaining = length;
        while (remaining > 0)
        {
            int chunk = (int)Math.Min(remaining, 16 * 1024);
            long dropAt = Interlocked.Read(ref _dropAfter);
            if (dropAt >= 0)
            {
                long allowed = dropAt - BodyBytesSent;
                if (allowed <= 0)
                {
                    Interlocked.Exchange(ref _dropAfter, -1);
                    client.Client.Close(); // mid-body: the client sees the response end early
                    return;
                }
                chunk = (int)Math.Min(chunk, allowed);
            }
            long stallAt = Interlocked.Read(ref _stallAfter);
            if (stallAt >= 0)
            {
                long allowed = stallAt - BodyBytesSent;
                if (allowed <= 0)
                {
                    Interlocked.Exchange(ref _stallAfter, -1);
                    await Task.Delay(Timeout.Infinite, _stop.Token).ContinueWith(_ => { }); // silent until the server stops
                    return;
                }
                chunk = (int)Math.Min(chunk, allowed);
            }
            // Counted before writing so the count never lags behind what the client has received.
            Interlocked.Add(ref _bodyBytesSent, chunk);
            await stream.WriteAsync(content.AsMemory((int)offset, chunk));
            offset += chunk;
            remaining -= chunk;
        }
    }

    /// <summary>Reads the request head and returns its Range header value ("" when absent), or null on a broken request.</summary>
    private static async Task<string?> ReadRangeHeaderAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n"))
        {
            if (await stream.ReadAsync(one) == 0) return null;
            head.Append((char)one[0]);
        }
        foreach (string line in head.ToString().Split("\r\n"))
            if (line.StartsWith("Range:", StringComparison.OrdinalIgnoreCase))
                return line["Range:".Length..].Trim();
        return "";
    }

    private static Task WriteAsync(NetworkStream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();
}
