namespace MovinetExp.Checkpoints.Format;

/// <summary>
/// Base-128 varints and little-endian fixed-width integers, the primitive encodings shared by the
/// protobuf messages and the SSTable blocks. Decoders throw <see cref="InvalidDataException"/> on
/// truncated or over-long input so that callers can report corruption with file context.
/// </summary>
internal static class Varint
{
    public const int MaxLength64 = 10;

    /// <summary>Decodes a varint64 at <paramref name="position"/> and advances it.</summary>
    public static ulong Read(ReadOnlySpan<byte> data, ref int position)
    {
        ulong result = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length)
                throw new InvalidDataException($"varint runs past the end of the data (at byte {position} of {data.Length})");
            byte b = data[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw new InvalidDataException($"varint longer than {MaxLength64} bytes ending at byte {position}");
    }

    /// <summary>Decodes a varint that must fit a non-negative int (lengths, counts).</summary>
    public static int ReadLength(ReadOnlySpan<byte> data, ref int position)
    {
        int start = position;
        ulong value = Read(data, ref position);
        if (value > int.MaxValue)
            throw new InvalidDataException($"length {value} at byte {start} is larger than any valid length");
        return (int)value;
    }

    public static uint ReadFixed32(ReadOnlySpan<byte> data, ref int position)
    {
        EnsureAvailable(data, position, 4, "fixed32");
        uint value = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(data[position..]);
        position += 4;
        return value;
    }

    public static ulong ReadFixed64(ReadOnlySpan<byte> data, ref int position)
    {
        EnsureAvailable(data, position, 8, "fixed64");
        ulong value = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(data[position..]);
        position += 8;
        return value;
    }

    /// <summary>Returns <paramref name="count"/> bytes at <paramref name="position"/> and advances past them.</summary>
    public static ReadOnlySpan<byte> ReadBytes(ReadOnlySpan<byte> data, scoped ref int position, int count)
    {
        EnsureAvailable(data, position, count, "byte string");
        var slice = data.Slice(position, count);
        position += count;
        return slice;
    }

    public static void Write(Stream output, ulong value)
    {
        Span<byte> buffer = stackalloc byte[MaxLength64];
        output.Write(buffer[..Encode(value, buffer)]);
    }

    /// <summary>Encodes into <paramref name="buffer"/> (at least 10 bytes) and returns the length.</summary>
    public static int Encode(ulong value, Span<byte> buffer)
    {
        int n = 0;
        while (value >= 0x80)
        {
            buffer[n++] = (byte)(value | 0x80);
            value >>= 7;
        }
        buffer[n++] = (byte)value;
        return n;
    }

    public static void WriteFixed32(Stream output, uint value)
    {
        Span<byte> buffer = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(buffer, value);
        output.Write(buffer);
    }

    public static void WriteFixed64(Stream output, ulong value)
    {
        Span<byte> buffer = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(buffer, value);
        output.Write(buffer);
    }

    private static void EnsureAvailable(ReadOnlySpan<byte> data, int position, int count, string what)
    {
        if (count < 0 || position < 0 || position > data.Length || data.Length - position < count)
            throw new InvalidDataException(
                $"{what} of {count} bytes at byte {position} runs past the end of the data ({data.Length} bytes)");
    }
}
