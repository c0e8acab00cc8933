using System.Buffers.Binary;

namespace MovinetExp.Checkpoints.Format;

/// <summary>
/// Byte layout of DT_VARIANT tensors (e.g. tf.data iterator state): per element a varint64 length, the
/// serialized <c>VariantTensorDataProto</c>, then a fixed32 masked checksum. One running CRC-32C covers,
/// per element, the length as fixed64, the proto bytes and the checksum bytes; each element's checksum
/// is the masked running CRC up to its proto's last byte, and the entry CRC the masked final value. As for
/// strings, this is not a CRC over the stored bytes, so it needs its own check.
/// </summary>
internal static class VariantTensorCodec
{
    /// <summary>Walks <paramref name="count"/> elements, checking each element checksum; returns the unmasked entry CRC to compare.</summary>
    /// <exception cref="InvalidDataException">The layout does not add up or an element checksum does not match.</exception>
    public static uint Checksum(ReadOnlySpan<byte> bytes, long count)
    {
        if (count > bytes.Length)
            throw new InvalidDataException($"{count} variant elements cannot fit in {bytes.Length} bytes");
        uint crc = 0;
        int position = 0;
        Span<byte> fixedLength = stackalloc byte[8];
        for (long i = 0; i < count; i++)
        {
            ulong length = Varint.Read(bytes, ref position);
            if (length > (ulong)(bytes.Length - position))
                throw new InvalidDataException($"element {i} claims {length} bytes but only {bytes.Length - position} follow");
            BinaryPrimitives.WriteUInt64LittleEndian(fixedLength, length);
            crc = Crc32C.Extend(crc, fixedLength);
            crc = Crc32C.Extend(crc, Varint.ReadBytes(bytes, ref position, (int)length));
            int checksumPosition = position;
            uint stored = Varint.ReadFixed32(bytes, ref position);
            if (stored != Crc32C.Mask(crc))
                throw new InvalidDataException(
                    $"the checksum after element {i} does not match (stored 0x{stored:x8}, computed 0x{Crc32C.Mask(crc):x8})");
            crc = Crc32C.Extend(crc, bytes.Slice(checksumPosition, 4));
        }
        if (position != bytes.Length)
            throw new InvalidDataException($"{bytes.Length - position} bytes follow the last of the {count} elements");
        return crc;
    }
}
