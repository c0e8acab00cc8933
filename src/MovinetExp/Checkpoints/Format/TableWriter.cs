namespace MovinetExp.Checkpoints.Format;

/// <summary>
/// Writes an uncompressed SSTable the way TensorFlow's TableBuilder does (block size, restart
/// intervals, index separator keys, trailers, footer), so that the same entries give the same bytes.
/// </summary>
internal static class TableWriter
{
    /// <summary>TensorFlow's <c>table::Options.block_size</c> for checkpoint indexes.</summary>
    public const int BlockSize = 256 * 1024;
    public const int DataRestartInterval = 16;

    /// <summary>Writes <paramref name="sortedEntries"/> (strictly increasing keys) to <paramref name="output"/>.</summary>
    public static void Write(Stream output, IEnumerable<TableEntry> sortedEntries)
    {
        var dataBlock = new BlockBuilder(DataRestartInterval);
        var indexBlock = new BlockBuilder(restartInterval: 1);
        long offset = 0;
        byte[]? lastKey = null;
        BlockHandle? pendingHandle = null; // index entry waits for the next key to pick a short separator

        void FlushDataBlock()
        {
            if (dataBlock.IsEmpty) return;
            pendingHandle = WriteBlock(output, dataBlock.Finish(), ref offset);
        }

        foreach (var entry in sortedEntries)
        {
            if (lastKey != null && lastKey.AsSpan().SequenceCompareTo(entry.Key) >= 0)
                throw new ArgumentException("table entries must be sorted by key with no duplicates", nameof(sortedEntries));
            // TF starts a fresh block before an entry that alone is at least twice the block size.
            if (lastKey != null && (long)entry.Key.Length + entry.Value.Length >= 2L * BlockSize) FlushDataBlock();
            if (pendingHandle is { } handle)
            {
                indexBlock.Add(SeparatorKeys.ShortestSeparator(lastKey!, entry.Key), Encode(handle));
                pendingHandle = null;
            }
            lastKey = entry.Key;
            dataBlock.Add(entry.Key, entry.Value);
            if (dataBlock.EstimatedSize >= BlockSize) FlushDataBlock();
        }
        FlushDataBlock();

        var metaIndexHandle = WriteBlock(output, new BlockBuilder(DataRestartInterval).Finish(), ref offset);
        if (pendingHandle is { } last)
            indexBlock.Add(SeparatorKeys.ShortSuccessor(lastKey!), Encode(last));
        var indexHandle = WriteBlock(output, indexBlock.Finish(), ref offset);
        TableFooter.Write(output, metaIndexHandle, indexHandle);
    }

    private static BlockHandle WriteBlock(Stream output, byte[] block, ref long offset)
    {
        var handle = new BlockHandle((ulong)offset, (ulong)block.Length);
        output.Write(block);
        BlockTrailer.Write(output, block, BlockTrailer.NoCompression);
        offset += block.Length + BlockTrailer.Length;
        return handle;
    }

    private static byte[] Encode(BlockHandle handle)
    {
        using var buffer = new MemoryStream();
        handle.EncodeTo(buffer);
        return buffer.ToArray();
    }
}
