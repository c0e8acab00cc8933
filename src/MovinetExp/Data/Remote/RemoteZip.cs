using System.Buffers.Binary;
using System.IO.Compression;
using MovinetExp.Common;
using MovinetExp.IO.Archives;

namespace MovinetExp.Data.Remote;

/// <summary>
/// A zip file read by byte ranges, like Python's remotezip: only the end of the file and the central
/// directory are fetched to list it, and only the chosen entries' bytes to extract them. This is what
/// makes a 10-class subset of the 6.5 GB UCF101 zip cost a few hundred megabytes over HTTP; a zip on
/// local disk goes through the same code, so it gets the same entry checks.
/// </summary>
public sealed class RemoteZip
{
    private const uint LocalHeaderSignature = 0x04034b50;
    private const int LocalHeaderSize = 30;
    private readonly IByteRangeReader _reader;

    private RemoteZip(IByteRangeReader reader, long length, IReadOnlyList<RemoteZipEntry> entries)
    {
        _reader = reader;
        Length = length;
        Entries = entries;
    }

    /// <summary>Size of the whole zip in bytes.</summary>
    public long Length { get; }

    /// <summary>Every entry of the central directory, in directory order.</summary>
    public IReadOnlyList<RemoteZipEntry> Entries { get; }

    /// <summary>Fetches the end-of-central-directory (and ZIP64 records when present), then the central directory.</summary>
    public static async Task<RemoteZip> OpenAsync(IByteRangeReader reader, CancellationToken ct = default)
    {
        string name = reader.Name;
        long length = await reader.GetLengthAsync(ct);
        int tailLength = (int)Math.Min(length, ZipCentralDirectory.EocdSize + ZipCentralDirectory.MaxCommentLength + 20);
        long tailOffset = length - tailLength;
        byte[] tail = await reader.ReadAsync(tailOffset, tailLength, ct);
        var (location, zip64Offset) = ZipCentralDirectory.FindEocd(tail, tailOffset, name);
        if (location is null)
        {
            if (zip64Offset < 0 || zip64Offset + ZipCentralDirectory.Zip64EocdSize > length)
                throw new DataException($"{name}: the ZIP64 locator points outside the file; the file is corrupt.");
            byte[] record = await reader.ReadAsync(zip64Offset!.Value, ZipCentralDirectory.Zip64EocdSize, ct);
            location = ZipCentralDirectory.ParseZip64Eocd(record, name);
        }
        if (location.Offset < 0 || location.Size < 0 || location.Offset + location.Size > length || location.Size > int.MaxValue)
            throw new DataException($"{name}: the central directory ({location.Size} bytes at {location.Offset}) does not fit in the {length}-byte file; the file is corrupt.");

        byte[] directory = await reader.ReadAsync(location.Offset, (int)location.Size, ct);
        var entries = ZipCentralDirectory.ParseEntries(directory, location.EntryCount, name);
        return new RemoteZip(reader, length, entries);
    }

    /// <summary>
    /// Downloads one entry into <paramref name="targetFolder"/> (keeping its folder structure) and returns its path.
    /// An existing file whose size and CRC match is reused; a partial download (<c>.part</c>) resumes
    /// from its length; the file appears atomically only after its size and CRC-32 check out.
    /// </summary>
    /// <param name="progress">Receives the compressed bytes downloaded so far by this call.</param>
    public async Task<string> ExtractAsync(RemoteZipEntry entry, string targetFolder, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        string zipName = _reader.Name;
        string destination = SafeEntryPath.Resolve(targetFolder, entry.Name, zipName);
        if (entry.IsDirectory)
            throw new DataException($"Zip entry '{entry.Name}' in {zipName} is a folder, not a file.");
        if ((entry.Flags & 1) != 0)
            throw new DataException($"Zip entry '{entry.Name}' in {zipName} is encrypted, which is not supported.");
        if (entry.Method is not (0 or 8))
            throw new DataException($"Zip entry '{entry.Name}' in {zipName} uses compression method {entry.Method}; only stored (0) and deflate (8) are supported.");

        if (IsComplete(destination, entry)) return destination;
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        string part = destination + ".part";
        await DownloadCompressedAsync(entry, part, progress, ct);
        InflateVerified(entry, part, destination, zipName);
        File.Delete(part);
        return destination;
    }

    private static bool IsComplete(string destination, RemoteZipEntry entry)
    {
        if (!File.Exists(destination) || new FileInfo(destination).Length != entry.UncompressedSize) return false;
        var crc = new Crc32();
        using var stream = File.OpenRead(destination);
        var buffer = new byte[1 << 16];
        int n;
        while ((n = stream.Read(buffer)) > 0) crc.Append(buffer.AsSpan(0, n));
        return crc.Value == entry.Crc32;
    }

    /// <summary>Appends the entry's compressed bytes to <paramref name="part"/>, starting where a previous attempt stopped.</summary>
    private async Task DownloadCompressedAsync(RemoteZipEntry entry, string part, IProgress<long>? progress, CancellationToken ct)
    {
        long dataStart = await DataStartAsync(entry, ct);
        long have = File.Exists(part) ? new FileInfo(part).Length : 0;
        if (have > entry.CompressedSize) { File.Delete(part); have = 0; }
        await using var output = new FileStream(part, FileMode.Append, FileAccess.Write, FileShare.None);
        await _reader.CopyRangeToAsync(dataStart + have, entry.CompressedSize - have, output, progress, ct);
    }

    /// <summary>The local header's name and extra lengths can differ from the central directory's, so it is read for the data offset.</summary>
    private async Task<long> DataStartAsync(RemoteZipEntry entry, CancellationToken ct)
    {
        if (entry.LocalHeaderOffset < 0 || entry.LocalHeaderOffset + LocalHeaderSize > Length)
            throw new DataException($"Zip entry '{entry.Name}' in {_reader.Name}: its local header offset {entry.LocalHeaderOffset} is outside the file; the zip is corrupt.");
        byte[] header = await _reader.ReadAsync(entry.LocalHeaderOffset, LocalHeaderSize, ct);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != LocalHeaderSignature)
            throw new DataException($"Zip entry '{entry.Name}' in {_reader.Name}: no local file header at offset {entry.LocalHeaderOffset}; the zip is corrupt.");
        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(26));
        int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
        long start = entry.LocalHeaderOffset + LocalHeaderSize + nameLength + extraLength;
        if (start + entry.CompressedSize > Length)
            throw new DataException($"Zip entry '{entry.Name}' in {_reader.Name}: its data runs past the end of the file; the zip is corrupt.");
        return start;
    }

    /// <summary>Decompresses the downloaded bytes into a temporary file, checks size and CRC, then renames it into place.</summary>
    private static void InflateVerified(RemoteZipEntry entry, string part, string destination, string zipName)
    {
        string temp = destination + ".tmp";
        var crc = new Crc32();
        long written = 0;
        try
        {
            using (var compressed = new FileStream(part, FileMode.Open, FileAccess.Read))
            using (Stream source = entry.Method == 8 ? new DeflateStream(compressed, CompressionMode.Decompress) : compressed)
            using (var output = new FileStream(temp, FileMode.Create, FileAccess.Write))
            {
                var buffer = new byte[1 << 16];
                int n;
                while ((n = source.Read(buffer)) > 0)
                {
                    written += n;
                    // Stop at the declared size: a corrupt or hostile stream must not fill the disk.
                    if (written > entry.UncompressedSize) break;
                    crc.Append(buffer.AsSpan(0, n));
                    output.Write(buffer, 0, n);
                }
            }
        }
        catch (InvalidDataException ex)
        {
            DeleteQuietly(temp, part);
            throw new DataException($"Zip entry '{entry.Name}' in {zipName} does not inflate ({ex.Message}); the download was corrupt and has been removed, run again to download it anew.", ex);
        }
        if (written != entry.UncompressedSize || crc.Value != entry.Crc32)
        {
            DeleteQuietly(temp, part);
            throw new DataException(
                $"Zip entry '{entry.Name}' in {zipName} failed its check: {(written > entry.UncompressedSize ? "more than" : written.ToString())} " +
                $"bytes with CRC-32 {crc.Value:x8}, expected {entry.UncompressedSize} bytes with CRC-32 {entry.Crc32:x8}. " +
                "The partial download has been removed; run again to download it anew.");
        }
        File.Move(temp, destination, overwrite: true);
    }

    private static void DeleteQuietly(params string[] paths)
    {
        foreach (string path in paths)
            try { File.Delete(path); } catch (IOException) { }
    }
}
