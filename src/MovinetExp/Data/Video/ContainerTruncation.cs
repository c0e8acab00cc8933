using System.Buffers.Binary;

namespace MovinetExp.Data.Video;

/// <summary>
/// Detects video files cut short (an interrupted download or copy) from the sizes their container
/// declares. Needed because FFmpeg happily decodes the frames that survive: a truncated AVI looks just
/// like a short video, and a lying frame count alone cannot tell the two apart (tree.avi is complete
/// but decodes far fewer frames than it reports). Covers RIFF (AVI), ISO-BMFF (MP4/MOV) and Matroska;
/// raw elementary streams declare no size and always pass.
/// </summary>
public static class ContainerTruncation
{
    /// <summary>A description of the truncation, or null when the file is whole or its container declares no size.</summary>
    public static string? Find(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        long length = file.Length;
        Span<byte> head = stackalloc byte[16];
        if (file.ReadAtLeast(head, 16, throwOnEndOfStream: false) < 16) return null;

        if (head[..4].SequenceEqual("RIFF"u8))
        {
            long declared = BinaryPrimitives.ReadUInt32LittleEndian(head[4..8]) + 8L;
            return Describe("RIFF", declared, length);
        }
        if (head[4..8].SequenceEqual("ftyp"u8)) return FindInBoxes(file, length);
        if (head[..4].SequenceEqual(new byte[] { 0x1A, 0x45, 0xDF, 0xA3 })) return FindInMatroska(file, length);
        return null;
    }

    private static string? Describe(string container, long declaredEnd, long length) =>
        declaredEnd > length
            ? $"the file is truncated: its {container} structure declares {declaredEnd} bytes but the file has {length}"
            : null;

    /// <summary>Walks the top-level MP4 boxes; one that runs past the end of the file means bytes are missing.</summary>
    private static string? FindInBoxes(FileStream file, long length)
    {
        Span<byte> header = stackalloc byte[16];
        long offset = 0;
        while (offset + 8 <= length)
        {
            file.Position = offset;
            int read = file.ReadAtLeast(header, 16, throwOnEndOfStream: false);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header[..4]);
            if (size == 1)
            {
                if (read < 16) return Describe("MP4 box", offset + 16, length);
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header[8..16]);
            }
            else if (size == 0) return null; // box runs to the end of the file by definition
            if (size < 8) return null;       // not a box structure we understand: let FFmpeg judge
            if (offset + size > length) return Describe("MP4 box", offset + size, length);
            offset += size;
        }
        return offset < length ? Describe("MP4 box", offset + 8, length) : null;
    }

    /// <summary>Reads the EBML header and the Segment's declared size (unless it is "unknown", as live recordings write).</summary>
    private static string? FindInMatroska(FileStream file, long length)
    {
        file.Position = 4;
        if (ReadVint(file, out long headerSize, out _) is false) return null;
        long segmentStart = file.Position + headerSize;
        if (segmentStart > length) return Describe("Matroska header", segmentStart, length);
        file.Position = segmentStart;
        Span<byte> id = stackalloc byte[4];
        if (file.ReadAtLeast(id, 4, throwOnEndOfStream: false) < 4 || !id.SequenceEqual(new byte[] { 0x18, 0x53, 0x80, 0x67 }))
            return null;
        if (ReadVint(file, out long segmentSize, out bool unknown) is false || unknown) return null;
        return Describe("Matroska segment", file.Position + segmentSize, length);
    }

    /// <summary>An EBML variable-length size: leading zero bits give the length; all value bits set means unknown.</summary>
    private static bool ReadVint(FileStream file, out long value, out bool unknown)
    {
        value = 0;
        unknown = false;
        int first = file.ReadByte();
        if (first <= 0) return false;
        int extra = System.Numerics.BitOperations.LeadingZeroCount((uint)first) - 24;
        value = first & (0xFF >> (extra + 1));
        bool allOnes = value == (0xFF >> (extra + 1));
        for (int i = 0; i < extra; i++)
        {
            int b = file.ReadByte();
            if (b < 0) return false;
            value = (value << 8) | (uint)b;
            allOnes &= b == 0xFF;
        }
        unknown = allOnes;
        return true;
    }
}
