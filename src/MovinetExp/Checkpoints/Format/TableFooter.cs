using System.Buffers.Binary;

namespace MovinetExp.Checkpoints.Format;

/// <summary>
/// The fixed 48-byte end of an SSTable: metaindex and index block handles, zero padding, magic number.
/// </summary>
internal static class TableFooter
{
    public const int Length = 48;
    public const ulong Magic = 0xdb4775248b80fb57UL;
    private const int HandlesLength = Length - 8;

    public static (BlockHandle MetaIndex, BlockHandle Index) Decode(ReadOnlySpan<byte> footer)
    {
        if (footer.Length != Length)
            throw new InvalidDataException($"footer must be {Length} bytes, got {footer.Length}");
        ulong magic = BinaryPrimitives.ReadUInt64LittleEndian(footer[HandlesLength..]);
        if (magic != Magic)
            throw new InvalidDataException(
                $"bad table magic number 0x{magic:x16} in the last 8 bytes (expected 0x{Magic:x16}); " +
                "the file is truncated or is not a TensorFlow checkpoint index");
        int position = 0;
        var handles = footer[..HandlesLength];
        var metaIndex = BlockHandle.Decode(handles, ref position);
        var index = BlockHandle.Decode(handles, ref position);
        return (metaIndex, index);
    }

    public static void Write(Stream output, BlockHandle metaIndex, BlockHandle index)
    {
        using var handles = new MemoryStream();
        metaIndex.EncodeTo(handles);
        index.EncodeTo(handles);
        handles.SetLength(HandlesLength);
        output.Write(handles.GetBuffer().AsSpan(0, HandlesLength));
        Varint.WriteFixed64(output, Magic);
    }
}
