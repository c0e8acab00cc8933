using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using MovinetExp.Common;

namespace MovinetExp.IO.Downloads;

/// <summary>
/// Downloads a URL to a file through <c>file.part</c>: a later attempt resumes with a Range request from
/// the part's length; a server that ignores ranges answers 200 and the download restarts from zero.
/// The file appears under its final name only when complete. Every wait is bounded by the settings'
/// read timeout, and a failed attempt (timeout, dropped connection, server error) is retried, resuming,
/// up to the settings' number of attempts; answers that no retry changes (404, 403) fail at once.
/// </summary>
public sealed class ResumableDownloader
{
    private readonly HttpClient _client;
    private readonly DownloadSettings _settings;

    /// <param name="client">Optional HTTP client (tests, proxies); a shared one with the settings' connect timeout otherwise.</param>
    /// <param name="settings">Timeouts and attempts; <see cref="DownloadSettings.Default"/> when null.</param>
    public ResumableDownloader(HttpClient? client = null, DownloadSettings? settings = null)
    {
        _settings = settings ?? DownloadSettings.Default;
        _client = client ?? SharedHttp.For(_settings.ConnectTimeout);
    }

    /// <summary>The partial-download file used for <paramref name="destination"/>.</summary>
    public static string PartPath(string destination) => destination + ".part";

    /// <summary>Downloads <paramref name="url"/> to <paramref name="destination"/>, resuming a previous partial download.</summary>
    /// <param name="progress">Bytes of the file present so far, and its total length when the server says.</param>
    /// <exception cref="DataException">Every attempt failed, or the server refused the file.</exception>
    public async Task<DownloadResult> DownloadAsync(Uri url, string destination, IProgress<(long Done, long? Total)>? progress = null, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        string part = PartPath(destination);
        long transferred = 0;
        bool resumed = false;
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                var (bytes, resumedNow) = await AttemptAsync(url, part, progress, ct);
                transferred += bytes;
                resumed |= resumedNow;
                break;
            }
            catch (RetryableFailure failure)
            {
                transferred += failure.BytesReceived;
                if (attempt >= _settings.Attempts)
                    throw new DataException(
                        $"Cannot download {url}: {failure.Message} ({Attempts(attempt)}{Kept(part)}). {DownloadFailure.LocalFileHint}",
                        failure.InnerException);
                await Task.Delay(_settings.RetryDelay * Math.Pow(2, attempt - 1), ct);
            }
        }
        File.Move(part, destination, overwrite: true);
        return new DownloadResult(destination, new FileInfo(destination).Length, FileHashes.Sha256(destination), transferred, resumed);
    }

    /// <summary>One request: appends what arrives to the part file; returns the bytes received and whether it continued the part.</summary>
    private async Task<(long Bytes, bool Resumed)> AttemptAsync(Uri url, string part, IProgress<(long Done, long? Total)>? progress, CancellationToken ct)
    {
        long have = File.Exists(part) ? new FileInfo(part).Length : 0;
        // One timer for the whole attempt, re-armed before every wait: it fires only when nothing arrives for ReadTimeout.
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var received = new ReceivedBytes();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (have > 0) request.Headers.Range = new RangeHeaderValue(have, null);
            idle.CancelAfter(_settings.ReadTimeout);
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, idle.Token);
            if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && have > 0)
            {
                long? remoteLength = ContentRange.Of(response).Total;
                if (remoteLength != have)
                {
                    File.Delete(part); // longer than the remote file, so not a prefix of it
                    throw new DataException($"Cannot resume {url}: the partial file '{part}' does not match the remote file; it was removed, run again to download from the start.");
                }
                return (0, true); // the part already holds the whole file
            }
            var (total, resumed) = StartPoint(url, response, have, part);
            await ReceiveBodyAsync(response, part, resumed ? have : 0, total, progress, idle, received, ct);
            long length = new FileInfo(part).Length;
            if (total is not null && length != total)
                throw new IOException($"the connection closed after {length} of {total} bytes");
            return (received.Count, resumed);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new RetryableFailure($"no data for {Seconds(_settings.ReadTimeout)} s", received.Count, e);
        }
        catch (ServerError e)
        {
            throw new RetryableFailure(e.Message, received.Count, e);
        }
        catch (Exception e) when (DownloadFailure.IsNetworkError(e, ct))
        {
            throw new RetryableFailure(DownloadFailure.Describe(e), received.Count, e);
        }
    }

    /// <summary>Writes the body to the part file (appending when <paramref name="have"/> &gt; 0), counting into <paramref name="received"/>.</summary>
    private async Task ReceiveBodyAsync(HttpResponseMessage response, string part, long have, long? total,
        IProgress<(long Done, long? Total)>? progress, CancellationTokenSource idle, ReceivedBytes received, CancellationToken ct)
    {
        await using var output = new FileStream(part, have > 0 ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None);
        await using var body = await response.Content.ReadAsStreamAsync(idle.Token);
        var buffer = new byte[1 << 16];
        while (true)
        {
            idle.CancelAfter(_settings.ReadTimeout);
            int n = await body.ReadAsync(buffer, idle.Token);
            if (n == 0) break;
            await output.WriteAsync(buffer.AsMemory(0, n), ct);
            received.Count += n;
            progress?.Report((have + received.Count, total));
        }
    }

    /// <summary>Total length and whether the answer continues the part (206 from its end) or restarts it (200).</summary>
    private static (long? Total, bool Resumed) StartPoint(Uri url, HttpResponseMessage response, long have, string part)
    {
        if (response.StatusCode == HttpStatusCode.OK)
            return (response.Content.Headers.ContentLength, false);
        if ((int)response.StatusCode >= 500)
            throw new ServerError($"the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
        if (response.StatusCode != HttpStatusCode.PartialContent)
            throw DownloadFailure.Status(url, (int)response.StatusCode, response.ReasonPhrase);
        var (first, _, total) = ContentRange.Of(response);
        if (first != have)
            throw new DataException($"Cannot resume {url}: asked for bytes from {have}, the server sent from {first}. Delete '{part}' and run again.");
        return (total, true);
    }

    private static string Attempts(int n) => n == 1 ? "1 attempt" : $"{n} attempts";

    private static string Kept(string part)
    {
        long length = File.Exists(part) ? new FileInfo(part).Length : 0;
        return length == 0 ? "" : $"; the {length.ToString("N0", CultureInfo.InvariantCulture)} bytes received are kept in '{part}' and the next run resumes from them";
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Bytes of the body received by one attempt; a class so the count survives the exception that ends the attempt.</summary>
    private sealed class ReceivedBytes
    {
        public long Count;
    }

    /// <summary>A 5xx answer: the server may recover, so it is retried like a network failure.</summary>
    private sealed class ServerError(string message) : Exception(message);

    /// <summary>An attempt that failed in a way a later attempt may not (timeout, dropped connection, 5xx).</summary>
    private sealed class RetryableFailure(string message, long bytesReceived, Exception inner) : Exception(message, inner)
    {
        public long BytesReceived { get; } = bytesReceived;
    }
}
