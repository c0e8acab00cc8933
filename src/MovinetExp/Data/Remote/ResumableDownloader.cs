using System.Net;
using System.Net.Http.Headers;
using MovinetExp.Common;

namespace MovinetExp.Data.Remote;

/// <summary>
/// Downloads a URL to a file through <c>file.part</c>: a later call resumes with a Range request from
/// the part's length; a server that ignores ranges answers 200 and the download restarts from zero.
/// The file appears under its final name only when complete.
/// </summary>
public sealed class ResumableDownloader
{
    private readonly HttpClient _client;

    /// <param name="client">Optional HTTP client (tests, proxies); the shared one otherwise.</param>
    public ResumableDownloader(HttpClient? client = null) => _client = client ?? SharedHttp.Client;

    /// <summary>The partial-download file used for <paramref name="destination"/>.</summary>
    public static string PartPath(string destination) => destination + ".part";

    /// <summary>Downloads <paramref name="url"/> to <paramref name="destination"/>, resuming a previous partial download.</summary>
    /// <param name="progress">Bytes of the file present so far, and its total length when the server says.</param>
    public async Task<DownloadResult> DownloadAsync(Uri url, string destination, IProgress<(long Done, long? Total)>? progress = null, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        string part = PartPath(destination);
        long have = File.Exists(part) ? new FileInfo(part).Length : 0;
        (long Transferred, bool Resumed) outcome;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (have > 0) request.Headers.Range = new RangeHeaderValue(have, null);
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            long? total;
            if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && have > 0)
            {
                total = ContentRange.Of(response).Total;
                if (total != have)
                {
                    File.Delete(part); // longer than the remote file, so not a prefix of it
                    throw new DataException($"Cannot resume {url}: the partial file '{part}' does not match the remote file; it was removed, run again to download from the start.");
                }
                outcome = (0, true); // the part already holds the whole file
            }
            else
            {
                (total, bool resumed) = StartPoint(url, response, have, part);
                outcome = (await ReceiveBodyAsync(response, part, resumed ? have : 0, total, progress, ct), resumed);
            }
            long length = new FileInfo(part).Length;
            if (total is not null && length != total)
                throw new IOException($"the connection closed after {length} of {total} bytes (run again to resume)");
        }
        catch (Exception ex) when (DownloadFailure.IsNetworkError(ex, ct))
        {
            throw DownloadFailure.From(url, ex);
        }
        File.Move(part, destination, overwrite: true);
        return new DownloadResult(destination, new FileInfo(destination).Length, FileHashes.Sha256(destination), outcome.Transferred, outcome.Resumed);
    }

    /// <summary>Writes the body to the part file (appending when <paramref name="have"/> &gt; 0) and returns the bytes received.</summary>
    private static async Task<long> ReceiveBodyAsync(HttpResponseMessage response, string part, long have, long? total,
        IProgress<(long Done, long? Total)>? progress, CancellationToken ct)
    {
        await using var output = new FileStream(part, have > 0 ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[1 << 16];
        long transferred = 0;
        int n;
        while ((n = await body.ReadAsync(buffer, ct)) > 0)
        {
            await output.WriteAsync(buffer.AsMemory(0, n), ct);
            transferred += n;
            progress?.Report((have + transferred, total));
        }
        return transferred;
    }

    /// <summary>Total length and whether the answer continues the part (206 from its end) or restarts it (200).</summary>
    private static (long? Total, bool Resumed) StartPoint(Uri url, HttpResponseMessage response, long have, string part)
    {
        if (response.StatusCode == HttpStatusCode.OK)
            return (response.Content.Headers.ContentLength, false);
        if (response.StatusCode != HttpStatusCode.PartialContent)
            throw DownloadFailure.Status(url, (int)response.StatusCode, response.ReasonPhrase);
        var (first, _, total) = ContentRange.Of(response);
        if (first != have)
            throw new DataException($"Cannot resume {url}: asked for bytes from {have}, the server sent from {first}. Delete '{part}' and run again.");
        return (total, true);
    }
}
