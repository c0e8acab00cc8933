using System.Buffers.Binary;

namespace MovinetExp.Checkpoints.Format;

/// <summary>
/// Byte layout of DT_STRING tensors: N varint64 lengths, a masked CRC-32C of the lengths (each fed
/// as fixed32, or fixed64 when it does not fit), then the concatenated bytes. The entry CRC is one
/// running CRC over the fixed-width lengths, the 4 checksum bytes and the string bytes — not over
/// the varints as stored, which is why strings cannot share the plain byte-range CRC check.
/// </summary>
internal static class StringTensorCodec
{
    /// <summary>Decodes <paramref name="count"/> strings; returns them with the unmasked entry CRC to compare.</summary>
    public static (byte[][] Strings, uint EntryCrc) Decode(ReadOnlySpan<byte> bytes, long count)
    {
        if (count > bytes.Length)
            throw new InvalidDataException($"{count} strings cannot fit in {bytes.Length} bytes");
        var lengths = new long[count];
        uint crc = 0;
        int position = 0;
        long total = 0;
        for (long i = 0; i < count; i++)
        {
            ulong length = Varint.Read(bytes, ref position);
            if (length > int.MaxValue) throw new InvalidDataException($"string {i} claims {length} bytes");
            lengths[i] = (long)length;
            total += (long)length;
            crc = ExtendWithLength(crc, length);
        }
        int checksumPosition = position;
        uint storedLengthsCrc = Varint.ReadFixed32(bytes, ref position);
        if (storedLengthsCrc != Crc32C.Mask(crc))
            throw new InvalidDataException(
                $"the string lengths checksum does not match (stored 0x{storedLengthsCrc:x8}, computed 0x{Crc32C.Mask(crc):x8})");
        crc = Crc32C.Extend(crc, bytes.Slice(checksumPosition, 4));
        if (total != bytes.Length - position)
            throw new InvalidDataException(
                $"the string lengths add up to {total} bytes but {bytes.Length - position} bytes follow them");
        var strings = new byte[count][];
        for (long i = 0; i < count; i++)
        {
            var value = Varint.ReadBytes(bytes, ref position, (int)lengths[i]);
            crc = Crc32C.Extend(crc, value);
            strings[i] = value.ToArray();
        }
        return (strings, crc);
    }

    /// <summary>Writes the layout to <paramref name="output"/>; returns bytes written and the unmasked entry CRC.</summary>
    public static (long Size, uint EntryCrc) Encode(IReadOnlyList<byte[]> strings, Stream output)
    {
        long size = 0;
        uint crc = 0;
        Span<byte> varint = stackalloc byte[Varint.MaxLength64];
        foreach (byte[] s in strings)
        {
            int n = Varint.Encode((ulong)s.Length, varint);
            output.Write(varint[..n]);
            size += n;
            crc = ExtendWithLength(crc, (ulong)s.Length);
        }
        Span<byte> checksum = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(checksum, Crc32C.Mask(crc));
        output.Write(checksum);
        size += 4;
        crc = Crc32C.Extend(crc, checksum);
        foreach (byte[] s in strings)
        {
            output.Write(s);
            crc = Crc32C.Extend(crc, s);
            size += s.Length;
        }
        return (size, crc);
    }

    private static uint ExtendWithLength(uint crc, ulong length)
    {
        Span<byte> fixedWidth = stackalloc byte[8];
        if (length <= uint.MaxValue)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(fixedWidth, (uint)length);
            return Crc32C.Extend(crc, fixedWidth[..4]);
        }
        BinaryPrimitives.WriteUInt64LittleEndian(fixedWidth, length);
        return Crc32C.Extend(crc, fixedWidth);
    }
}
