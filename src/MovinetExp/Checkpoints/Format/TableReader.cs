using Snappier;

namespace MovinetExp.Checkpoints.Format;

/// <summary>
/// Reads every entry of an SSTable held in memory (a checkpoint's <c>.index</c> file): footer, index
/// block, then each data block in order, verifying every block CRC and decompressing Snappy blocks.
/// Corruption throws <see cref="InvalidDataException"/> naming the block.
/// </summary>
internal static class TableReader
{
    public static List<TableEntry> ReadAll(ReadOnlySpan<byte> file)
    {
        if (file.Length < TableFooter.Length)
            throw new InvalidDataException(
                $"the file is {file.Length} bytes, shorter than the {TableFooter.Length}-byte table footer");
        var (metaIndexHandle, indexHandle) = TableFooter.Decode(file[^TableFooter.Length..]);
        int blocksEnd = file.Length - TableFooter.Length;
        // TF writes no meta blocks, so the metaindex is not used, but its CRC still tells a damaged file.
        ReadBlock(file, blocksEnd, metaIndexHandle, "metaindex block");

        byte[] indexBlock = ReadBlock(file, blocksEnd, indexHandle, "index block");
        var entries = new List<TableEntry>();
        int blockNumber = 0;
        foreach (var indexEntry in BlockParser.Parse(indexBlock))
        {
            int position = 0;
            var handle = BlockHandle.Decode(indexEntry.Value, ref position);
            byte[] dataBlock = ReadBlock(file, blocksEnd, handle, $"data block {blockNumber}");
            entries.AddRange(BlockParser.Parse(dataBlock));
            blockNumber++;
        }
        EnsureStrictlyIncreasing(entries);
        return entries;
    }

    private static byte[] ReadBlock(ReadOnlySpan<byte> file, int blocksEnd, BlockHandle handle, string name)
    {
        if (handle.Offset > (ulong)blocksEnd || handle.Size > (ulong)blocksEnd - handle.Offset
            || (ulong)blocksEnd - handle.Offset - handle.Size < BlockTrailer.Length)
            throw new InvalidDataException(
                $"{name} ({handle}) lies outside the {blocksEnd} bytes before the footer; the file is truncated");
        int offset = (int)handle.Offset, size = (int)handle.Size;
        var stored = file.Slice(offset, size);
        byte type = file[offset + size];
        int crcPosition = offset + size + 1;
        uint storedCrc = Varint.ReadFixed32(file, ref crcPosition);
        uint computedCrc = BlockTrailer.MaskedCrc(stored, type);
        if (storedCrc != computedCrc)
            throw new InvalidDataException(
                $"{name} ({handle}) fails its CRC check: the trailer stores masked CRC32C 0x{storedCrc:x8} " +
                $"but the bytes give 0x{computedCrc:x8}; the file is corrupt");
        return type switch
        {
            BlockTrailer.NoCompression => stored.ToArray(),
            BlockTrailer.SnappyCompression => DecompressSnappy(stored, name, handle),
            _ => throw new InvalidDataException($"{name} ({handle}) has unknown compression type {type} (expected 0 or 1)"),
        };
    }

    private static byte[] DecompressSnappy(ReadOnlySpan<byte> stored, string name, BlockHandle handle)
    {
        try
        {
            return Snappy.DecompressToArray(stored);
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"{name} ({handle}) is not valid Snappy data: {ex.Message}", ex);
        }
    }

    private static void EnsureStrictlyIncreasing(List<TableEntry> entries)
    {
        for (int i = 1; i < entries.Count; i++)
        {
            if (entries[i - 1].Key.AsSpan().SequenceCompareTo(entries[i].Key) >= 0)
                throw new InvalidDataException(
                    $"keys are out of order at entry {i} ('{System.Text.Encoding.UTF8.GetString(entries[i].Key)}')");
        }
    }
}
