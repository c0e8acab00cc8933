using System.Text;

namespace MovinetExp.Checkpoints.Format;

/// <summary>
/// Forward-only reader of protobuf wire format over a byte span: just what the checkpoint messages
/// need. Callers match on (field, wire type) and call <see cref="Skip"/> for anything else, so
/// fields added by newer TensorFlow versions are ignored as protobuf requires.
/// Malformed input throws <see cref="InvalidDataException"/>.
/// </summary>
internal ref struct ProtoReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public ProtoReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    /// <summary>True while unread bytes remain (packed repeated fields have no tags to stop on).</summary>
    public readonly bool HasMore => _position < _data.Length;

    /// <summary>Reads the next field tag; false at the end of the message.</summary>
    public bool TryReadTag(out int field, out WireType wireType)
    {
        if (_position >= _data.Length)
        {
            field = 0;
            wireType = default;
            return false;
        }
        int tagStart = _position;
        ulong tag = Varint.Read(_data, ref _position);
        field = (int)(tag >> 3);
        wireType = (WireType)(tag & 7);
        if (field <= 0 || tag >> 3 > int.MaxValue)
            throw new InvalidDataException($"invalid protobuf field number {tag >> 3} at byte {tagStart}");
        return true;
    }

    public ulong ReadVarint() => Varint.Read(_data, ref _position);

    /// <summary>int32/int64 fields: negative values are sign-extended 10-byte varints, so truncation is correct.</summary>
    public long ReadInt64() => (long)ReadVarint();

    public int ReadInt32() => (int)ReadVarint();

    public bool ReadBool() => ReadVarint() != 0;

    public uint ReadFixed32() => Varint.ReadFixed32(_data, ref _position);

    public ReadOnlySpan<byte> ReadLengthDelimited()
    {
        int length = Varint.ReadLength(_data, ref _position);
        return Varint.ReadBytes(_data, ref _position, length);
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadLengthDelimited());

    /// <summary>Skips the payload of a field whose tag was just read.</summary>
    public void Skip(WireType wireType)
    {
        switch (wireType)
        {
            case WireType.Varint: ReadVarint(); break;
            case WireType.Fixed64: Varint.ReadFixed64(_data, ref _position); break;
            case WireType.LengthDelimited: ReadLengthDelimited(); break;
            case WireType.Fixed32: Varint.ReadFixed32(_data, ref _position); break;
            default:
                // Groups are deprecated and never used by the checkpoint protos.
                throw new InvalidDataException($"unsupported protobuf wire type {(int)wireType} before byte {_position}");
        }
    }
}
