using MovinetExp.Common;

namespace MovinetExp.IO.Downloads;

/// <summary>
/// A cached download with a recorded SHA-256 beside it (<c>file.sha256</c>, in sha256sum format): the
/// cache's manifest of what each file was when it was first downloaded. The first download records its
/// digest; every later use of the cached file, and every later download of it (after the file was
/// deleted, say), must match that record, so a truncated or altered cache file, or a server that starts
/// serving something else, is caught instead of silently feeding a run. A digest pinned by the caller
/// (the catalogue's sha256) takes precedence over the record. A download that fails a check is not kept;
/// a cached file that fails one is reported but left alone (it may have been copied there by hand).
/// </summary>
public static class VerifiedDownload
{
    /// <summary>Where the hash of <paramref name="file"/> is recorded.</summary>
    public static string RecordPath(string file) => file + ".sha256";

    /// <summary>
    /// Returns <paramref name="destination"/>, downloading it first when absent, after checking its digest against
    /// <paramref name="expectedSha256"/> when given, else against the digest recorded on first download (recording it
    /// when there is none yet).
    /// </summary>
    /// <param name="reject">How a file that fails a digest check is reported (checkpoints: a checkpoint error); a DataException by default.</param>
    /// <exception cref="DataException">The download failed (network, server).</exception>
    public static async Task<VerifiedFile> EnsureAsync(
        Uri url, string destination, string? expectedSha256 = null, ResumableDownloader? downloader = null,
        IProgress<(long Done, long? Total)>? progress = null, CancellationToken ct = default,
        Func<string, MovinetException>? reject = null)
    {
        reject ??= message => new DataException(message);
        string record = RecordPath(destination);
        string? recorded = File.Exists(record) ? ReadRecord(record, reject) : null;
        bool cached = File.Exists(destination);
        string actual = cached
            ? FileHashes.Sha256(destination)
            : (await (downloader ?? new ResumableDownloader()).DownloadAsync(url, destination, progress, ct)).Sha256;

        if (expectedSha256 is not null)
        {
            if (!string.Equals(expectedSha256, actual, StringComparison.OrdinalIgnoreCase))
            {
                if (!cached) File.Delete(destination);
                throw reject(cached
                    ? $"Cached file '{destination}' has SHA-256 {actual}, but the catalogue pins {expectedSha256.ToLowerInvariant()}. " +
                      "Delete it to download it again, or check the expected hash in the catalogue."
                    : $"'{destination}' downloaded from {url} has SHA-256 {actual}, but the catalogue pins {expectedSha256.ToLowerInvariant()}; " +
                      "it was removed. The server may serve a different version: check the catalogue entry, or download the file " +
                      "elsewhere and pass its local path instead.");
            }
            WriteRecord(record, destination, actual); // a pin that now differs from an older record supersedes it
            return new VerifiedFile(destination, actual, DigestCheck.Pinned, record);
        }
        if (recorded is null)
        {
            WriteRecord(record, destination, actual);
            return new VerifiedFile(destination, actual, DigestCheck.RecordedNow, record);
        }
        if (recorded == actual) return new VerifiedFile(destination, actual, DigestCheck.MatchesRecord, record);
        // A cached file may have been put there by hand, so it is reported, not deleted; a fresh download is not kept.
        if (!cached) File.Delete(destination);
        throw reject(cached
            ? $"Cached file '{destination}' has SHA-256 {actual}, but {recorded} was recorded when it was first downloaded from {url}: " +
              $"it was changed or damaged. Delete it to download it again (the download must match the recorded digest), " +
              $"or delete '{record}' too to accept a different file."
            : $"'{destination}' downloaded from {url} has SHA-256 {actual}, but the first download recorded {recorded} in '{record}': " +
              "the server now serves a different file, which was not kept. If the change is expected (a new release), " +
              $"delete '{record}' to accept the new file, or pin its sha256 in the catalogue.");
    }

    /// <summary>Removes a cached file and its recorded digest, e.g. when its content turned out not to be what the URL should serve.</summary>
    public static void Discard(string file)
    {
        File.Delete(file);
        File.Delete(RecordPath(file));
    }

    private static string ReadRecord(string record, Func<string, MovinetException> reject)
    {
        string text = File.ReadAllText(record).Trim();
        string hash = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        if (hash.Length != 64 || !hash.All(Uri.IsHexDigit))
            throw reject($"Hash record '{record}' does not start with a 64-digit SHA-256; delete it to record the hash again.");
        return hash.ToLowerInvariant();
    }

    private static void WriteRecord(string record, string file, string sha256)
    {
        string temp = record + ".tmp";
        File.WriteAllText(temp, $"{sha256}  {Path.GetFileName(file)}\n");
        File.Move(temp, record, overwrite: true);
    }
}
