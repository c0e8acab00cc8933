namespace MovinetExp.Checkpoints.Format;

/// <summary>Location of an SSTable block: byte offset and stored size (without the 5-byte trailer).</summary>
internal readonly record struct BlockHandle(ulong Offset, ulong Size)
{
    public static BlockHandle Decode(ReadOnlySpan<byte> data, ref int position) =>
        new(Varint.Read(data, ref position), Varint.Read(data, ref position));

    public void EncodeTo(Stream output)
    {
        Varint.Write(output, Offset);
        Varint.Write(output, Size);
    }

    public override string ToString() => $"offset {Offset}, size {Size}";
}
