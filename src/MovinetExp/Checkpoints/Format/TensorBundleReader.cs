using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;
using MovinetExp.Common;

namespace MovinetExp.Checkpoints.Format;

/// <summary>
/// Reads a TensorFlow checkpoint (TensorBundle V2) without TensorFlow. The index is parsed when the
/// reader opens; tensor bytes are read on demand from the shard files (a range at a time, never a
/// whole data file) and every read verifies the tensor's CRC-32C. Every malformed or missing input
/// throws <see cref="CheckpointException"/> naming the file and tensor.
/// </summary>
public sealed class TensorBundleReader : IDisposable
{
    private readonly Dictionary<string, TensorEntry> _byKey;
    private readonly Dictionary<int, SafeFileHandle> _shards = [];
    private readonly Lock _shardsLock = new();
    private bool _disposed;

    private TensorBundleReader(string prefix, BundleHeader header, List<TensorEntry> entries)
    {
        Prefix = prefix;
        Header = header;
        Entries = entries;
        _byKey = entries.ToDictionary(e => e.Key, StringComparer.Ordinal);
    }

    /// <summary>Absolute checkpoint prefix (the path without <c>.index</c>).</summary>
    public string Prefix { get; }

    public string IndexPath => BundleFileNames.IndexPath(Prefix);

    public BundleHeader Header { get; }

    /// <summary>All tensor entries in index (ordinal key) order; the header entry is not included.</summary>
    public IReadOnlyList<TensorEntry> Entries { get; }

    /// <summary>
    /// Opens a checkpoint given its prefix, its <c>.index</c> file, or a folder with a
    /// <c>checkpoint</c> state file or exactly one <c>.index</c> file.
    /// </summary>
    public static TensorBundleReader Open(string pathOrPrefix)
    {
        string prefix = CheckpointLocator.ResolvePrefix(pathOrPrefix);
        string indexPath = BundleFileNames.IndexPath(prefix);
        byte[] indexBytes;
        try
        {
            indexBytes = File.ReadAllBytes(indexPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException($"Cannot read checkpoint index '{indexPath}': {ex.Message}", ex);
        }
        var (header, entries) = ParseIndex(indexBytes, indexPath);
        return new TensorBundleReader(prefix, header, entries);
    }

    public bool Contains(string key) => _byKey.ContainsKey(key);

    public bool TryGetEntry(string key, out TensorEntry entry) => _byKey.TryGetValue(key, out entry!);

    /// <exception cref="CheckpointException">No tensor has this key.</exception>
    public TensorEntry GetEntry(string key) =>
        _byKey.TryGetValue(key, out var entry)
            ? entry
            : throw new CheckpointException(
                $"Checkpoint '{Prefix}' has no tensor '{key}' (it holds {Entries.Count} tensors). " +
                "List its keys with 'movinet checkpoint inspect' and check the name.");

    /// <summary>Path of the data file holding shard <paramref name="shardId"/>.</summary>
    public string DataFilePath(int shardId) => BundleFileNames.DataPath(Prefix, shardId, Header.NumShards);

    /// <summary>Values of a float32, float64, float16 or bfloat16 tensor as float32, row-major.</summary>
    public float[] ReadFloat32(string key)
    {
        var entry = GetFixedSizeEntry(key);
        if (entry.DType == DType.Float)
        {
            // Read straight into the result: no intermediate copy for the common case of big float kernels.
            var values = new float[entry.ElementCount];
            ReadVerified(entry, MemoryMarshal.AsBytes(values.AsSpan()));
            return values;
        }
        return ElementConversion.ToFloat32(entry.DType, ReadRawBytes(entry)) ?? throw WrongType(entry, "float32");
    }

    /// <summary>Values of any real numeric or bool tensor widened to float64 (for sums and comparisons).</summary>
    public double[] ReadAsDoubles(string key)
    {
        var entry = GetFixedSizeEntry(key);
        return ElementConversion.ToDoubles(entry.DType, ReadRawBytes(entry)) ?? throw WrongType(entry, "float64");
    }

    /// <summary>Values of an integer tensor (int64 or any narrower integer type).</summary>
    public long[] ReadInt64(string key)
    {
        var entry = GetFixedSizeEntry(key);
        return ElementConversion.ToInt64(entry.DType, ReadRawBytes(entry)) ?? throw WrongType(entry, "int64");
    }

    /// <summary>Values of an int32 (or narrower integer) tensor.</summary>
    public int[] ReadInt32(string key)
    {
        var entry = GetFixedSizeEntry(key);
        return ElementConversion.ToInt32(entry.DType, ReadRawBytes(entry)) ?? throw WrongType(entry, "int32");
    }

    public bool[] ReadBool(string key)
    {
        var entry = GetFixedSizeEntry(key);
        if (entry.DType != DType.Bool) throw WrongType(entry, "bool");
        return Array.ConvertAll(ReadRawBytes(entry), b => b != 0);
    }

    /// <summary>Elements of a string tensor as raw bytes (TF strings are byte strings, often serialized protos).</summary>
    public byte[][] ReadStrings(string key)
    {
        var entry = GetEntry(key);
        if (entry.DType != DType.String) throw WrongType(entry, "string");
        EnsureReadable(entry);
        var bytes = new byte[CheckedArrayLength(entry, entry.Size)];
        ReadRange(entry, bytes);
        try
        {
            var (strings, crc) = StringTensorCodec.Decode(bytes, entry.ElementCount);
            if (Crc32C.Mask(crc) != entry.MaskedCrc32C) throw CrcMismatch(entry, Crc32C.Mask(crc));
            return strings;
        }
        catch (InvalidDataException ex)
        {
            throw CorruptLayout(entry, "String", ex);
        }
    }

    /// <summary>
    /// Reads a tensor of any dtype and checks its CRC32C the way TensorFlow's reader does: strings and
    /// variants through their element layouts (their entry CRC is not over the stored bytes), every other
    /// dtype over its byte range. Listing a checkpoint uses this for the tensors it has no numbers for.
    /// </summary>
    /// <exception cref="CheckpointException">The bytes are missing, truncated or fail a checksum.</exception>
    public void VerifyChecksum(string key)
    {
        var entry = GetEntry(key);
        switch (entry.DType)
        {
            case DType.String:
                ReadStrings(key);
                return;
            case DType.Variant:
                VerifyVariant(entry);
                return;
            default:
                EnsureReadable(entry);
                ReadRawBytes(entry);
                return;
        }
    }

    /// <summary>The tensor's little-endian element bytes, CRC-verified (fixed-size dtypes only).</summary>
    public byte[] ReadRawBytes(string key) => ReadRawBytes(GetFixedSizeEntry(key));

    public void Dispose()
    {
        lock (_shardsLock)
        {
            foreach (var handle in _shards.Values) handle.Dispose();
            _shards.Clear();
            _disposed = true;
        }
    }

    private static (BundleHeader Header, List<TensorEntry> Entries) ParseIndex(byte[] indexBytes, string indexPath)
    {
        List<TableEntry> table;
        BundleHeader? header = null;
        var entries = new List<TensorEntry>();
        try
        {
            table = TableReader.ReadAll(indexBytes);
            foreach (var row in table)
            {
                if (row.Key.Length == 0) header = BundleHeader.Decode(row.Value);
                else entries.Add(TensorEntry.Decode(Encoding.UTF8.GetString(row.Key), row.Value));
            }
        }
        catch (InvalidDataException ex)
        {
            throw new CheckpointException(
                $"Checkpoint index '{indexPath}' is corrupt or truncated: {ex.Message}. " +
                "Re-download or re-save the checkpoint (the .index file must be copied in binary mode).", ex);
        }
        if (header is null)
            throw new CheckpointException(
                $"Checkpoint index '{indexPath}' has no header entry (empty key), so it is not a TensorFlow V2 checkpoint index.");
        CheckHeader(header, indexPath);
        foreach (var entry in entries)
        {
            if (entry.ShardId >= header.NumShards)
                throw new CheckpointException(
                    $"Checkpoint index '{indexPath}': tensor '{entry.Key}' is in shard {entry.ShardId} " +
                    $"but the header declares only {header.NumShards} shard(s); the index is corrupt.");
        }
        return (header, entries);
    }

    private static void CheckHeader(BundleHeader header, string indexPath)
    {
        if (header.NumShards <= 0)
            throw new CheckpointException($"Checkpoint index '{indexPath}' declares {header.NumShards} data shards; the index is corrupt.");
        if (header.IsBigEndian)
            throw new CheckpointException(
                $"Checkpoint '{indexPath}' stores big-endian tensor data, which this reader does not support. " +
                "Re-save the checkpoint on a little-endian machine.");
        if (header.MinConsumer > BundleHeader.ConsumerVersion || header.BadConsumers.Contains(BundleHeader.ConsumerVersion))
            throw new CheckpointException(
                $"Checkpoint '{indexPath}' requires bundle reader version {header.MinConsumer} or newer " +
                $"(this reader is version {BundleHeader.ConsumerVersion}); re-save it with a TensorFlow 2.x release.");
    }

    private TensorEntry GetFixedSizeEntry(string key)
    {
        var entry = GetEntry(key);
        EnsureReadable(entry);
        if (entry.DType.ElementSize() is not int elementSize)
            throw new CheckpointException(
                $"Tensor '{key}' has dtype {entry.DType.Name()}, whose values cannot be read as numbers. " +
                "Read string tensors with ReadStrings; variant and resource tensors are not supported.");
        if (entry.Size % elementSize != 0 || entry.Size / elementSize != entry.ElementCount)
            throw new CheckpointException(
                $"Checkpoint index '{IndexPath}': tensor '{key}' ({entry.DType.Name()} [{string.Join(", ", entry.Shape)}]) " +
                $"should occupy {entry.ElementCount} x {elementSize} bytes but its entry says {entry.Size}; the index is corrupt.");
        return entry;
    }

    private void EnsureReadable(TensorEntry entry)
    {
        if (entry.SliceCount > 0)
            throw new CheckpointException(
                $"Tensor '{entry.Key}' is saved as {entry.SliceCount} partitioned slices (tf.compat.v1 partitioned variable); " +
                "this reader does not support sliced tensors. Re-save the checkpoint without variable partitioning.");
    }

    private void VerifyVariant(TensorEntry entry)
    {
        EnsureReadable(entry);
        var bytes = new byte[CheckedArrayLength(entry, entry.Size)];
        ReadRange(entry, bytes);
        try
        {
            uint actual = Crc32C.Mask(VariantTensorCodec.Checksum(bytes, entry.ElementCount));
            if (actual != entry.MaskedCrc32C) throw CrcMismatch(entry, actual);
        }
        catch (InvalidDataException ex)
        {
            throw CorruptLayout(entry, "Variant", ex);
        }
    }

    private byte[] ReadRawBytes(TensorEntry entry)
    {
        var bytes = new byte[CheckedArrayLength(entry, entry.Size)];
        ReadVerified(entry, bytes);
        return bytes;
    }

    private void ReadVerified(TensorEntry entry, Span<byte> destination)
    {
        ReadRange(entry, destination);
        uint actual = Crc32C.Mask(Crc32C.Compute(destination));
        if (actual != entry.MaskedCrc32C) throw CrcMismatch(entry, actual);
    }

    private void ReadRange(TensorEntry entry, Span<byte> destination)
    {
        var handle = ShardHandle(entry);
        string dataPath = DataFilePath(entry.ShardId);
        try
        {
            long length = RandomAccess.GetLength(handle);
            if (entry.Offset > length || entry.Size > length - entry.Offset)
                throw new CheckpointException(
                    $"Tensor '{entry.Key}' occupies bytes [{entry.Offset}, {entry.Offset + entry.Size}) of '{dataPath}', " +
                    $"but that file has only {length} bytes: it is truncated or belongs to another checkpoint. " +
                    "Re-download or re-save the checkpoint.");
            long offset = entry.Offset;
            while (!destination.IsEmpty)
            {
                int read = RandomAccess.Read(handle, destination, offset);
                if (read == 0)
                    throw new CheckpointException($"Unexpected end of '{dataPath}' at byte {offset} while reading tensor '{entry.Key}'.");
                destination = destination[read..];
                offset += read;
            }
        }
        catch (IOException ex)
        {
            throw new CheckpointException($"Cannot read tensor '{entry.Key}' from '{dataPath}': {ex.Message}", ex);
        }
    }

    private SafeFileHandle ShardHandle(TensorEntry entry)
    {
        lock (_shardsLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_shards.TryGetValue(entry.ShardId, out var open)) return open;
            string path = DataFilePath(entry.ShardId);
            if (!File.Exists(path))
                throw new CheckpointException(
                    $"Tensor '{entry.Key}' is stored in shard {entry.ShardId} of {Header.NumShards}, but the data file " +
                    $"'{Path.GetFileName(path)}' does not exist in '{Path.GetDirectoryName(path)}'. " +
                    "Copy every .data-* file of the checkpoint next to its .index file.");
            try
            {
                var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
                _shards[entry.ShardId] = handle;
                return handle;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CheckpointException($"Cannot open data file '{path}' for tensor '{entry.Key}': {ex.Message}", ex);
            }
        }
    }

    private int CheckedArrayLength(TensorEntry entry, long size) =>
        size <= Array.MaxLength
            ? (int)size
            : throw new CheckpointException(
                $"Tensor '{entry.Key}' has {size} bytes, more than one .NET array can hold; it cannot be read in one piece.");

    private CheckpointException CrcMismatch(TensorEntry entry, uint actual) => new(
        $"Tensor '{entry.Key}' fails its CRC32C check: the index '{IndexPath}' expects masked CRC 0x{entry.MaskedCrc32C:x8} " +
        $"but bytes [{entry.Offset}, {entry.Offset + entry.Size}) of '{DataFilePath(entry.ShardId)}' give 0x{actual:x8}. " +
        "The data file is corrupt or belongs to another checkpoint; re-download or re-save it.");

    private CheckpointException CorruptLayout(TensorEntry entry, string kind, InvalidDataException ex) => new(
        $"{kind} tensor '{entry.Key}' in '{DataFilePath(entry.ShardId)}' is corrupt: {ex.Message}. " +
        "Re-download or re-save the checkpoint.", ex);

    private static CheckpointException WrongType(TensorEntry entry, string requested) => new(
        $"Tensor '{entry.Key}' has dtype {entry.DType.Name()} and cannot be read as {requested}.");
}
