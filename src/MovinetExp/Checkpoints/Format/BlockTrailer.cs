namespace MovinetExp.Checkpoints.Format;

/// <summary>
/// The 5 bytes after every SSTable block: compression type, then the masked CRC-32C of the stored
/// block bytes followed by that type byte.
/// </summary>
internal static class BlockTrailer
{
    public const int Length = 5;
    public const byte NoCompression = 0;
    public const byte SnappyCompression = 1;

    public static uint MaskedCrc(ReadOnlySpan<byte> storedBlock, byte compressionType) =>
        Crc32C.Mask(Crc32C.Extend(Crc32C.Compute(storedBlock), [compressionType]));

    public static void Write(Stream output, ReadOnlySpan<byte> storedBlock, byte compressionType)
    {
        output.WriteByte(compressionType);
        Varint.WriteFixed32(output, MaskedCrc(storedBlock, compressionType));
    }
}
