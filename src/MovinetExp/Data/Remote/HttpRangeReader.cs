using System.Net;
using System.Net.Http.Headers;
using MovinetExp.Common;
using MovinetExp.IO.Downloads;

namespace MovinetExp.Data.Remote;

/// <summary>
/// Reads byte ranges of a remote file with HTTP GET + Range. Every answer must be 206 with a matching
/// Content-Range; a server that ignores ranges (200 with the whole file) is reported as a
/// <see cref="DataException"/> telling the user to download the whole file instead, because silently
/// streaming gigabytes to read a few kilobytes is never what a caller of this class wants. A request that
/// fails on the network (refused, reset, dropped mid-body, timed out) is tried again with the catalogue's
/// download settings (attempts, doubling delay), from the first byte not yet received.
/// </summary>
public sealed class HttpRangeReader : IByteRangeReader
{
    private readonly HttpClient _client;
    private readonly DownloadSettings _settings;

    /// <param name="url">The remote file.</param>
    /// <param name="client">Optional client (tests, proxies); the process-wide shared client otherwise.</param>
    /// <param name="settings">Attempts and the delay between them; <see cref="DownloadSettings.Default"/> when null.</param>
    public HttpRangeReader(Uri url, HttpClient? client = null, DownloadSettings? settings = null)
    {
        Url = url;
        _client = client ?? SharedHttp.Client;
        _settings = settings ?? DownloadSettings.Default;
    }

    /// <summary>The remote file.</summary>
    public Uri Url { get; }

    public string Name => Url.ToString();

    /// <summary>Total length of the remote file, from a one-byte range request (HEAD is not always allowed on storage buckets).</summary>
    public async Task<long> GetLengthAsync(CancellationToken ct = default)
    {
        long? total = null;
        await RetryingAsync(async () =>
        {
            using var response = await SendRangeAsync(0, 1, ct);
            (_, _, total) = ContentRange.Of(response);
        }, ct);
        return total ?? throw new DataException($"Server for {Url} answered a range request without the file's total length; download the whole file and pass a local file path instead.");
    }

    /// <summary>Reads exactly <paramref name="length"/> bytes at <paramref name="offset"/>.</summary>
    public async Task<byte[]> ReadAsync(long offset, int length, CancellationToken ct = default)
    {
        var buffer = new MemoryStream(length);
        await CopyRangeToAsync(offset, length, buffer, null, ct);
        return buffer.ToArray();
    }

    /// <summary>
    /// Streams <paramref name="length"/> bytes at <paramref name="offset"/> into <paramref name="destination"/>.
    /// Bytes already written stay written when the connection drops, which is what lets callers resume.
    /// </summary>
    /// <param name="progress">Receives the number of bytes copied so far by this call.</param>
    public async Task CopyRangeToAsync(long offset, long length, Stream destination, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        if (length == 0) return;
        long copied = 0;
        var buffer = new byte[1 << 16];
        // Each attempt asks for what the previous ones did not deliver.
        await RetryingAsync(async () =>
        {
            using var response = await SendRangeAsync(offset + copied, length - copied, ct);
            await using Stream body = await response.Content.ReadAsStreamAsync(ct);
            while (copied < length)
            {
                int n = await body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, length - copied)), ct);
                if (n == 0)
                    throw new IOException($"the connection closed after {copied} of {length} bytes of range {offset}-{offset + length - 1}");
                await destination.WriteAsync(buffer.AsMemory(0, n), ct);
                copied += n;
                progress?.Report(copied);
            }
        }, ct);
    }

    /// <summary>Runs <paramref name="attempt"/> until it succeeds, a non-network error ends it, or the attempts
    /// are used up (then the DataException names the URL and how many attempts were made).</summary>
    private async Task RetryingAsync(Func<Task> attempt, CancellationToken ct)
    {
        for (int made = 1; ; made++)
        {
            try
            {
                await attempt();
                return;
            }
            catch (Exception ex) when (DownloadFailure.IsNetworkError(ex, ct))
            {
                if (made >= _settings.Attempts)
                    throw new DataException($"Cannot download {Url}: {DownloadFailure.Describe(ex)} " +
                        $"({(made == 1 ? "1 attempt" : $"{made} attempts")}). {DownloadFailure.LocalFileHint}", ex);
                await Task.Delay(_settings.RetryDelay * Math.Pow(2, made - 1), ct);
            }
        }
    }

    private async Task<HttpResponseMessage> SendRangeAsync(long offset, long length, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url);
        request.Headers.Range = new RangeHeaderValue(offset, offset + length - 1);
        // Network errors and 5xx go to RetryingAsync; another wrong answer (not 206, a bad Content-Range) is final.
        var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        try
        {
            CheckPartialContent(response, offset, length);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private void CheckPartialContent(HttpResponseMessage response, long offset, long length)
    {
        if (response.StatusCode == HttpStatusCode.OK)
            throw new DataException(
                $"Server for {Url} ignores HTTP Range requests (it answered 200 with the whole file), so parts of it " +
                "cannot be fetched on their own. Download the whole file and pass a local file path instead.");
        // A 5xx answer may not repeat (an overloaded or restarting server): retried like a network failure.
        if ((int)response.StatusCode >= 500)
            throw new HttpRequestException($"the server answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        if (response.StatusCode != HttpStatusCode.PartialContent)
            throw DownloadFailure.Status(Url, (int)response.StatusCode, response.ReasonPhrase);
        var (first, last, _) = ContentRange.Of(response);
        if (first != offset || last != offset + length - 1)
            throw new DataException(
                $"Server for {Url} answered range {offset}-{offset + length - 1} with Content-Range {first}-{last}; " +
                "the server's range support is unreliable. Download the whole file and pass a local file path instead.");
    }
}
