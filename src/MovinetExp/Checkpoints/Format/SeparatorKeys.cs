namespace MovinetExp.Checkpoints.Format;

/// <summary>
/// The short index-block keys TensorFlow derives from block boundaries (bytewise comparator rules);
/// needed to reproduce TF's index files byte for byte.
/// </summary>
internal static class SeparatorKeys
{
    /// <summary>
    /// A short key k with start &lt;= k &lt; limit: the common prefix plus the first differing byte of
    /// <paramref name="start"/> incremented, when that stays below <paramref name="limit"/>; otherwise start.
    /// </summary>
    public static byte[] ShortestSeparator(byte[] start, ReadOnlySpan<byte> limit)
    {
        int minLength = Math.Min(start.Length, limit.Length);
        int diff = 0;
        while (diff < minLength && start[diff] == limit[diff]) diff++;
        if (diff >= minLength) return start; // one key is a prefix of the other
        byte diffByte = start[diff];
        if (diffByte < 0xFF && diffByte + 1 < limit[diff])
        {
            var separator = start[..(diff + 1)];
            separator[diff]++;
            return separator;
        }
        return start;
    }

    /// <summary>A short key &gt;= <paramref name="key"/>: increment the first byte that is not 0xFF and cut after it.</summary>
    public static byte[] ShortSuccessor(byte[] key)
    {
        for (int i = 0; i < key.Length; i++)
        {
            if (key[i] != 0xFF)
            {
                var successor = key[..(i + 1)];
                successor[i]++;
                return successor;
            }
        }
        return key;
    }
}
