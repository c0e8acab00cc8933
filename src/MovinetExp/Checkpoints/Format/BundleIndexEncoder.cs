using System.Text;

namespace MovinetExp.Checkpoints.Format;

/// <summary>
/// Produces the bytes of a <c>.index</c> file from a header and tensor entries, exactly as
/// TensorFlow's BundleWriter does (header under key "", entries sorted by key bytes, uncompressed table).
/// </summary>
public static class BundleIndexEncoder
{
    /// <exception cref="ArgumentException">Two entries share a key, or a key is empty.</exception>
    public static byte[] Encode(BundleHeader header, IEnumerable<TensorEntry> entries)
    {
        var rows = entries
            .Select(e => e.Key.Length > 0
                ? new TableEntry(Encoding.UTF8.GetBytes(e.Key), e.Encode())
                : throw new ArgumentException("a tensor key must not be empty (the empty key is the header)", nameof(entries)))
            .OrderBy(row => row.Key, ByteOrder.Instance)
            .Prepend(new TableEntry([], header.Encode()))
            .ToList();
        using var output = new MemoryStream();
        TableWriter.Write(output, rows);
        return output.ToArray();
    }

    /// <summary>Unsigned lexicographic byte order, the order of keys in TensorFlow tables.</summary>
    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
