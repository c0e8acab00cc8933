using System.Text;

namespace MovinetExp.Checkpoints.Format;

/// <summary>
/// Builds a protobuf message field by field. It writes exactly what it is told: proto3 callers omit
/// default-valued fields themselves, because byte-identical output depends on that choice.
/// </summary>
internal sealed class ProtoWriter
{
    private readonly MemoryStream _buffer = new();

    public ProtoWriter Varint(int field, ulong value)
    {
        Tag(field, WireType.Varint);
        Format.Varint.Write(_buffer, value);
        return this;
    }

    /// <summary>int32/int64 as protobuf does: negative values become 10-byte two's-complement varints.</summary>
    public ProtoWriter Int64(int field, long value) => Varint(field, (ulong)value);

    public ProtoWriter Fixed32(int field, uint value)
    {
        Tag(field, WireType.Fixed32);
        Format.Varint.WriteFixed32(_buffer, value);
        return this;
    }

    public ProtoWriter Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, WireType.LengthDelimited);
        Format.Varint.Write(_buffer, (ulong)value.Length);
        _buffer.Write(value);
        return this;
    }

    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoWriter Message(int field, ProtoWriter message) => Bytes(field, message.ToArray());

    public byte[] ToArray() => _buffer.ToArray();

    private void Tag(int field, WireType wireType) => Format.Varint.Write(_buffer, (ulong)field << 3 | (ulong)wireType);
}
