using System.Buffers.Binary;
using System.Text;
using MovinetExp.Common;

namespace MovinetExp.Data.Remote;

/// <summary>
/// Parses the parts of a zip that describe it (APPNOTE 4.3.12-4.3.16): the end-of-central-directory
/// record, the ZIP64 locator and record when sizes or counts overflow 32 bits, and the central
/// directory entries. Works on byte arrays so it can be fed from ranges fetched over HTTP.
/// </summary>
internal static class ZipCentralDirectory
{
    public const int EocdSize = 22;
    public const int MaxCommentLength = 0xFFFF;
    private const uint EocdSignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const int Zip64LocatorSize = 20;
    private const uint Zip64EocdSignature = 0x06064b50;
    public const int Zip64EocdSize = 56;
    private const uint CentralHeaderSignature = 0x02014b50;
    private const int CentralHeaderSize = 46;

    /// <summary>Where the central directory is and how many entries it holds.</summary>
    public sealed record Location(long Offset, long Size, long EntryCount);

    /// <summary>
    /// Finds the EOCD in <paramref name="tail"/> (the last bytes of the file, starting at
    /// <paramref name="tailOffset"/>). Returns the location, or the offset of a ZIP64 EOCD record
    /// that must be fetched and passed to <see cref="ParseZip64Eocd"/>.
    /// </summary>
    public static (Location? Location, long? Zip64EocdOffset) FindEocd(byte[] tail, long tailOffset, string zipName)
    {
        int eocd = -1;
        // Search backwards; the comment length must reach exactly to the end, which rejects
        // signature bytes that happen to occur inside the comment or the last entry's data.
        for (int i = tail.Length - EocdSize; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) != EocdSignature) continue;
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 20));
            if (i + EocdSize + commentLength == tail.Length) { eocd = i; break; }
        }
        if (eocd < 0)
            throw new DataException($"{zipName} is not a zip file (no end-of-central-directory record in its last {tail.Length} bytes).");

        var span = tail.AsSpan(eocd);
        ushort disk = BinaryPrimitives.ReadUInt16LittleEndian(span[4..]);
        ushort entries = BinaryPrimitives.ReadUInt16LittleEndian(span[10..]);
        uint cdSize = BinaryPrimitives.ReadUInt32LittleEndian(span[12..]);
        uint cdOffset = BinaryPrimitives.ReadUInt32LittleEndian(span[16..]);

        int locator = eocd - Zip64LocatorSize;
        if (locator >= 0 && BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(locator)) == Zip64LocatorSignature)
            return (null, (long)BinaryPrimitives.ReadUInt64LittleEndian(tail.AsSpan(locator + 8)));
        if (disk != 0)
            throw new DataException($"{zipName} is a multi-disk (spanned) zip, which is not supported.");
        return (new Location(cdOffset, cdSize, entries), null);
    }

    /// <summary>Reads the ZIP64 end-of-central-directory record.</summary>
    public static Location ParseZip64Eocd(ReadOnlySpan<byte> record, string zipName)
    {
        if (record.Length < Zip64EocdSize || BinaryPrimitives.ReadUInt32LittleEndian(record) != Zip64EocdSignature)
            throw new DataException($"{zipName} has a ZIP64 locator that does not point to a ZIP64 end-of-central-directory record; the file is corrupt.");
        long entries = (long)BinaryPrimitives.ReadUInt64LittleEndian(record[32..]);
        long size = (long)BinaryPrimitives.ReadUInt64LittleEndian(record[40..]);
        long offset = (long)BinaryPrimitives.ReadUInt64LittleEndian(record[48..]);
        return new Location(offset, size, entries);
    }

    /// <summary>Parses all central directory headers.</summary>
    public static List<RemoteZipEntry> ParseEntries(ReadOnlySpan<byte> directory, long expectedCount, string zipName)
    {
        var entries = new List<RemoteZipEntry>();
        int pos = 0;
        while (pos + CentralHeaderSize <= directory.Length &&
               BinaryPrimitives.ReadUInt32LittleEndian(directory[pos..]) == CentralHeaderSignature)
        {
            var h = directory[pos..];
            ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(h[8..]);
            ushort method = BinaryPrimitives.ReadUInt16LittleEndian(h[10..]);
            uint crc = BinaryPrimitives.ReadUInt32LittleEndian(h[16..]);
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(h[20..]);
            long uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(h[24..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(h[28..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(h[30..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(h[32..]);
            long localOffset = BinaryPrimitives.ReadUInt32LittleEndian(h[42..]);
            int total = CentralHeaderSize + nameLength + extraLength + commentLength;
            if (pos + total > directory.Length)
                throw new DataException($"{zipName}: central directory entry {entries.Count} runs past the directory's end; the file is corrupt.");

            // Bit 11 marks UTF-8 names; older archivers wrote code page 437, whose ASCII range is what
            // real-world dataset names use, so Latin-1 keeps those intact without a code page table.
            var nameBytes = h.Slice(CentralHeaderSize, nameLength);
            string name = (flags & 0x800) != 0 ? Encoding.UTF8.GetString(nameBytes) : Encoding.Latin1.GetString(nameBytes);
            ApplyZip64Extra(h.Slice(CentralHeaderSize + nameLength, extraLength), ref uncompressed, ref compressed, ref localOffset);
            entries.Add(new RemoteZipEntry(name, compressed, uncompressed, method, flags, localOffset, crc));
            pos += total;
        }
        if (entries.Count != expectedCount)
            throw new DataException($"{zipName}: the central directory should hold {expectedCount} entries but {entries.Count} were readable; the file is corrupt.");
        return entries;
    }

    /// <summary>The ZIP64 extra field (id 1) holds, in order, only those values whose 32-bit field is 0xFFFFFFFF.</summary>
    private static void ApplyZip64Extra(ReadOnlySpan<byte> extra, ref long uncompressed, ref long compressed, ref long localOffset)
    {
        while (extra.Length >= 4)
        {
            ushort id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            int size = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            var data = extra.Slice(4, Math.Min(size, extra.Length - 4));
            if (id == 0x0001)
            {
                int p = 0;
                if (uncompressed == uint.MaxValue && p + 8 <= data.Length) { uncompressed = (long)BinaryPrimitives.ReadUInt64LittleEndian(data[p..]); p += 8; }
                if (compressed == uint.MaxValue && p + 8 <= data.Length) { compressed = (long)BinaryPrimitives.ReadUInt64LittleEndian(data[p..]); p += 8; }
                if (localOffset == uint.MaxValue && p + 8 <= data.Length) localOffset = (long)BinaryPrimitives.ReadUInt64LittleEndian(data[p..]);
                return;
            }
            extra = extra[Math.Min(extra.Length, 4 + size)..];
        }
    }
}
