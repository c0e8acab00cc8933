using MovinetExp.Common;

namespace MovinetExp.Data.Remote;

/// <summary>
/// Byte ranges of a file on local disk: what lets a UCF101 zip downloaded by hand (or kept on a shared
/// drive) be used with exactly the entry selection and safety checks of the HTTP reader.
/// </summary>
public sealed class LocalFileRangeReader : IByteRangeReader
{
    private const string Hint = "Check data.url: a path (relative to the spec file), a file:// URL, or an http(s) URL.";

    public LocalFileRangeReader(string path) => FilePath = Path.GetFullPath(path);

    /// <summary>The absolute path of the file.</summary>
    public string FilePath { get; }

    public string Name => FilePath;

    public Task<long> GetLengthAsync(CancellationToken ct = default)
    {
        if (Directory.Exists(FilePath)) throw new DataException($"'{FilePath}' is a folder, not a zip file. {Hint}");
        var info = new FileInfo(FilePath);
        if (!info.Exists) throw new DataException($"Zip file '{FilePath}' does not exist. {Hint}");
        return Task.FromResult(info.Length);
    }

    public async Task<byte[]> ReadAsync(long offset, int length, CancellationToken ct = default)
    {
        var buffer = new MemoryStream(length);
        await CopyRangeToAsync(offset, length, buffer, null, ct);
        return buffer.ToArray();
    }

    public async Task CopyRangeToAsync(long offset, long length, Stream destination, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        if (length == 0) return;
        try
        {
            await using var file = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            if (offset < 0 || offset + length > file.Length)
                throw new DataException(
                    $"'{FilePath}' has {file.Length} bytes but bytes {offset}-{offset + length - 1} were needed: " +
                    "the zip is truncated or was replaced while it was read. Copy it again from its source.");
            file.Seek(offset, SeekOrigin.Begin);
            var buffer = new byte[1 << 16];
            long copied = 0;
            while (copied < length)
            {
                int n = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, length - copied)), ct);
                if (n == 0) throw new DataException($"'{FilePath}' ended after byte {offset + copied} while bytes up to {offset + length - 1} were read; the zip is truncated.");
                await destination.WriteAsync(buffer.AsMemory(0, n), ct);
                copied += n;
                progress?.Report(copied);
            }
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DataException($"Zip file '{FilePath}' does not exist. {Hint}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException($"Cannot read '{FilePath}': {e.Message}", e);
        }
    }
}
