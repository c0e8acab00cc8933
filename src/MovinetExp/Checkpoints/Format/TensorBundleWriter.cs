using System.Runtime.InteropServices;

namespace MovinetExp.Checkpoints.Format;

/// <summary>
/// Writes a single-shard, little-endian, uncompressed TensorFlow checkpoint (<c>PREFIX.index</c> and
/// <c>PREFIX.data-00000-of-00001</c>) that TensorFlow reads. Tensor bytes go to the data file in the
/// order they are added; <see cref="Finish"/> writes the index. Files are written under temporary
/// names and renamed at the end, so an interrupted save never leaves a half-written checkpoint.
/// </summary>
public sealed class TensorBundleWriter : IDisposable
{
    private readonly string _dataPath;
    private readonly string _dataTempPath;
    private readonly FileStream _data;
    private readonly List<TensorEntry> _entries = [];
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private bool _finished;

    /// <param name="prefix">Checkpoint prefix; its folder is created if needed. Existing files of the same prefix are replaced on <see cref="Finish"/>.</param>
    public TensorBundleWriter(string prefix)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("checkpoint writing needs a little-endian machine");
        Prefix = Path.GetFullPath(prefix);
        Directory.CreateDirectory(Path.GetDirectoryName(Prefix)!);
        _dataPath = BundleFileNames.DataPath(Prefix, 0, 1);
        _dataTempPath = TempName(_dataPath);
        _data = new FileStream(_dataTempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
    }

    public string Prefix { get; }

    /// <summary>Entries added so far, in insertion (= data file) order.</summary>
    public IReadOnlyList<TensorEntry> Entries => _entries;

    public void AddFloat32(string key, long[] shape, ReadOnlySpan<float> values) =>
        AddFixed(key, DType.Float, shape, values.Length, MemoryMarshal.AsBytes(values));

    public void AddFloat64(string key, long[] shape, ReadOnlySpan<double> values) =>
        AddFixed(key, DType.Double, shape, values.Length, MemoryMarshal.AsBytes(values));

    public void AddInt32(string key, long[] shape, ReadOnlySpan<int> values) =>
        AddFixed(key, DType.Int32, shape, values.Length, MemoryMarshal.AsBytes(values));

    public void AddInt64(string key, long[] shape, ReadOnlySpan<long> values) =>
        AddFixed(key, DType.Int64, shape, values.Length, MemoryMarshal.AsBytes(values));

    public void AddBool(string key, long[] shape, ReadOnlySpan<bool> values) =>
        AddFixed(key, DType.Bool, shape, values.Length, MemoryMarshal.AsBytes(values)); // .NET bool is one byte 0/1, as TF's

    /// <summary>Any fixed-size dtype from its little-endian element bytes (e.g. bfloat16 or float16 data).</summary>
    public void AddRaw(string key, DType dtype, long[] shape, ReadOnlySpan<byte> littleEndianBytes)
    {
        int elementSize = dtype.ElementSize()
            ?? throw new ArgumentException($"dtype {dtype.Name()} has no fixed element size; use AddStrings for strings", nameof(dtype));
        if (littleEndianBytes.Length % elementSize != 0)
            throw new ArgumentException($"{littleEndianBytes.Length} bytes is not a whole number of {dtype.Name()} elements", nameof(littleEndianBytes));
        AddFixed(key, dtype, shape, littleEndianBytes.Length / elementSize, littleEndianBytes);
    }

    /// <summary>A DT_STRING tensor (elements are byte strings; use UTF-8 for text).</summary>
    public void AddStrings(string key, long[] shape, IReadOnlyList<byte[]> values)
    {
        long offset = BeginTensor(key, shape, values.Count);
        var (size, crc) = StringTensorCodec.Encode(values, _data);
        _entries.Add(new TensorEntry(key, DType.String, (long[])shape.Clone(), 0, offset, size, Crc32C.Mask(crc)));
    }

    /// <summary>Writes the index and moves both files to their final names.</summary>
    public void Finish()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _data.Flush(flushToDisk: true);
        _data.Dispose();
        string indexPath = BundleFileNames.IndexPath(Prefix);
        string indexTempPath = TempName(indexPath);
        File.WriteAllBytes(indexTempPath, BundleIndexEncoder.Encode(BundleHeader.SingleShard, _entries));
        // Data first: an index must never point at data that is not there yet.
        File.Move(_dataTempPath, _dataPath, overwrite: true);
        File.Move(indexTempPath, indexPath, overwrite: true);
        _finished = true;
    }

    /// <summary>Without a prior <see cref="Finish"/>, discards the partial checkpoint.</summary>
    public void Dispose()
    {
        if (_finished) return;
        _data.Dispose();
        File.Delete(_dataTempPath);
        _finished = true;
    }

    private void AddFixed(string key, DType dtype, long[] shape, long elementCount, ReadOnlySpan<byte> bytes)
    {
        long offset = BeginTensor(key, shape, elementCount);
        _data.Write(bytes);
        _entries.Add(new TensorEntry(key, dtype, (long[])shape.Clone(), 0, offset, bytes.Length, Crc32C.Mask(Crc32C.Compute(bytes))));
    }

    private long BeginTensor(string key, long[] shape, long elementCount)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (string.IsNullOrEmpty(key)) throw new ArgumentException("tensor key must not be empty", nameof(key));
        if (!_keys.Add(key)) throw new ArgumentException($"tensor '{key}' was already added", nameof(key));
        long expected = 1;
        foreach (long dim in shape)
        {
            if (dim < 0) throw new ArgumentException($"tensor '{key}': negative dimension in shape [{string.Join(", ", shape)}]", nameof(shape));
            expected = checked(expected * dim);
        }
        if (expected != elementCount)
            throw new ArgumentException(
                $"tensor '{key}': shape [{string.Join(", ", shape)}] needs {expected} elements but {elementCount} were given", nameof(shape));
        return _data.Position;
    }

    private static string TempName(string path) => $"{path}.tempstate{Guid.NewGuid():N}";
}
