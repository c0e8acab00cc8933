using System.Buffers.Binary;
using System.Numerics;

namespace MovinetExp.Checkpoints.Format;

/// <summary>
/// CRC-32C (Castagnoli), the checksum of every block and tensor in a TensorFlow checkpoint, plus the
/// LevelDB "mask" applied to every CRC stored in a file (a CRC of data that itself contains CRCs
/// would otherwise be weak, hence the rotation).
/// </summary>
public static class Crc32C
{
    private const uint MaskDelta = 0xA282EAD8u;

    /// <summary>CRC-32C of <paramref name="data"/> (initial value and final inversion included).</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Extend(0, data);

    /// <summary>Continues <paramref name="crc"/> (a finished CRC) over more bytes: Extend(Compute(a), b) == Compute(a + b).</summary>
    public static uint Extend(uint crc, ReadOnlySpan<byte> data)
    {
        // BitOperations.Crc32C is the raw reflected update step (hardware SSE4.2 when available);
        // the standard CRC inverts the register before and after, which also makes chaining work.
        uint state = ~crc;
        while (data.Length >= 8)
        {
            state = BitOperations.Crc32C(state, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }
        foreach (byte b in data) state = BitOperations.Crc32C(state, b);
        return ~state;
    }

    /// <summary>The form TensorFlow stores: rotate right by 15 bits, then add a constant.</summary>
    public static uint Mask(uint crc) => BitOperations.RotateRight(crc, 15) + MaskDelta;

    /// <summary>Inverse of <see cref="Mask"/>.</summary>
    public static uint Unmask(uint masked) => BitOperations.RotateLeft(masked - MaskDelta, 15);
}
