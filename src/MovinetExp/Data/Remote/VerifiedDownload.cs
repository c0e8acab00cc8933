using MovinetExp.Common;

namespace MovinetExp.Data.Remote;

/// <summary>
/// A cached download with a recorded SHA-256 beside it (<c>file.sha256</c>, in sha256sum format).
/// The first download records the hash; every reuse checks the file against it, so a truncated or
/// altered cache file is caught instead of silently feeding a run.
/// </summary>
public static class VerifiedDownload
{
    /// <summary>Where the hash of <paramref name="file"/> is recorded.</summary>
    public static string RecordPath(string file) => file + ".sha256";

    /// <summary>
    /// Returns <paramref name="destination"/>, downloading it first when absent. A reused file must match its
    /// recorded hash; when <paramref name="expectedSha256"/> is given (e.g. from the catalogue) the file must match it too.
    /// </summary>
    public static async Task<string> EnsureAsync(
        Uri url, string destination, string? expectedSha256 = null, ResumableDownloader? downloader = null,
        IProgress<(long Done, long? Total)>? progress = null, CancellationToken ct = default)
    {
        string record = RecordPath(destination);
        if (File.Exists(destination))
        {
            string actual = FileHashes.Sha256(destination);
            string? recorded = File.Exists(record) ? ReadRecord(record) : null;
            if (recorded is not null && recorded != actual)
                throw new DataException(
                    $"Cached file '{destination}' has SHA-256 {actual} but {recorded} was recorded when it was downloaded from {url}; " +
                    $"it was changed or damaged. Delete it and '{record}' to download it again.");
            CheckExpected(destination, actual, expectedSha256, url, deleteOnMismatch: false);
            if (recorded is null) WriteRecord(record, destination, actual);
            return destination;
        }

        var result = await (downloader ?? new ResumableDownloader()).DownloadAsync(url, destination, progress, ct);
        CheckExpected(destination, result.Sha256, expectedSha256, url, deleteOnMismatch: true);
        WriteRecord(record, destination, result.Sha256);
        return destination;
    }

    private static void CheckExpected(string file, string actual, string? expected, Uri url, bool deleteOnMismatch)
    {
        if (expected is null || string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase)) return;
        if (deleteOnMismatch) File.Delete(file);
        throw new DataException(
            $"File '{file}' from {url} has SHA-256 {actual}, expected {expected.ToLowerInvariant()}" +
            (deleteOnMismatch ? "; it was removed. The server may serve a different version: check the catalogue entry, or pass a local file path instead."
                              : ". Delete it to download it again, or check the expected hash in the catalogue."));
    }

    private static string ReadRecord(string record)
    {
        string text = File.ReadAllText(record).Trim();
        string hash = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        if (hash.Length != 64 || !hash.All(Uri.IsHexDigit))
            throw new DataException($"Hash record '{record}' does not start with a 64-digit SHA-256; delete it to record the hash again.");
        return hash.ToLowerInvariant();
    }

    private static void WriteRecord(string record, string file, string sha256)
    {
        string temp = record + ".tmp";
        File.WriteAllText(temp, $"{sha256}  {Path.GetFileName(file)}\n");
        File.Move(temp, record, overwrite: true);
    }
}
