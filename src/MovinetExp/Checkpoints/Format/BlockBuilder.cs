namespace MovinetExp.Checkpoints.Format;

/// <summary>
/// Builds one SSTable block exactly like LevelDB/TensorFlow: each key stores only the bytes it does
/// not share with the previous key, except at every <c>restartInterval</c>-th entry (a restart point
/// that stores the full key so readers can binary-search).
/// </summary>
internal sealed class BlockBuilder(int restartInterval)
{
    private readonly MemoryStream _buffer = new();
    private readonly List<uint> _restarts = [0];
    private byte[] _lastKey = [];
    private int _entriesSinceRestart;

    public bool IsEmpty => _buffer.Length == 0;

    /// <summary>Size of the block if finished now (entries + restart array + count), as TF estimates it.</summary>
    public long EstimatedSize => _buffer.Length + 4L * _restarts.Count + 4;

    public void Add(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        int shared = 0;
        if (_entriesSinceRestart < restartInterval)
        {
            int limit = Math.Min(_lastKey.Length, key.Length);
            while (shared < limit && _lastKey[shared] == key[shared]) shared++;
        }
        else
        {
            _restarts.Add((uint)_buffer.Length);
            _entriesSinceRestart = 0;
        }
        Varint.Write(_buffer, (ulong)shared);
        Varint.Write(_buffer, (ulong)(key.Length - shared));
        Varint.Write(_buffer, (ulong)value.Length);
        _buffer.Write(key[shared..]);
        _buffer.Write(value);
        _lastKey = key.ToArray();
        _entriesSinceRestart++;
    }

    /// <summary>The finished block bytes; the builder is reset for the next block.</summary>
    public byte[] Finish()
    {
        foreach (uint restart in _restarts) Varint.WriteFixed32(_buffer, restart);
        Varint.WriteFixed32(_buffer, (uint)_restarts.Count);
        byte[] block = _buffer.ToArray();
        _buffer.SetLength(0);
        _restarts.Clear();
        _restarts.Add(0);
        _lastKey = [];
        _entriesSinceRestart = 0;
        return block;
    }
}
