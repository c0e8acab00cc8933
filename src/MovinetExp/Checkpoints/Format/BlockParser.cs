namespace MovinetExp.Checkpoints.Format;

/// <summary>
/// Decodes the entries of one (uncompressed) SSTable block: prefix-compressed keys, values, and the
/// restart array at the end that marks where the entries stop.
/// </summary>
internal static class BlockParser
{
    public static List<TableEntry> Parse(ReadOnlySpan<byte> block)
    {
        if (block.Length < 4)
            throw new InvalidDataException($"block of {block.Length} bytes is too short to hold its restart count");
        int countPosition = block.Length - 4;
        uint restartCount = Varint.ReadFixed32(block, ref countPosition);
        long restartArrayBytes = 4L * restartCount;
        if (restartCount == 0 || restartArrayBytes > block.Length - 4)
            throw new InvalidDataException($"block of {block.Length} bytes claims {restartCount} restart points");
        int entriesEnd = block.Length - 4 - (int)restartArrayBytes;

        var entries = new List<TableEntry>();
        byte[] previousKey = [];
        int position = 0;
        while (position < entriesEnd)
        {
            int entryStart = position;
            int shared = Varint.ReadLength(block, ref position);
            int nonShared = Varint.ReadLength(block, ref position);
            int valueLength = Varint.ReadLength(block, ref position);
            if (shared > previousKey.Length)
                throw new InvalidDataException(
                    $"entry at block byte {entryStart} shares {shared} key bytes but the previous key has only {previousKey.Length}");
            if ((long)position + nonShared + valueLength > entriesEnd)
                throw new InvalidDataException($"entry at block byte {entryStart} runs into the restart array");
            var key = new byte[shared + nonShared];
            previousKey.AsSpan(0, shared).CopyTo(key);
            block.Slice(position, nonShared).CopyTo(key.AsSpan(shared));
            position += nonShared;
            byte[] value = block.Slice(position, valueLength).ToArray();
            position += valueLength;
            entries.Add(new TableEntry(key, value));
            previousKey = key;
        }
        return entries;
    }
}
