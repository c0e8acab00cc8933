using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace MovinetExp.Interop;

/// <summary>
/// Writes float32 arrays as .npy ('&lt;f4', C order), format version 1.0, or 2.0 when the header does not
/// fit version 1.0's 16-bit length. The file appears atomically (temporary file, then rename).
/// </summary>
public static class NpyWriter
{
    // NumPy aligns the data start to 64 bytes so memory-mapped arrays are aligned for any dtype.
    private const int Alignment = 64;

    /// <summary>Writes <paramref name="data"/> with <paramref name="shape"/>; their sizes must agree.</summary>
    public static void Write(string path, ReadOnlySpan<float> data, ReadOnlySpan<int> shape)
    {
        long count = 1;
        foreach (int d in shape)
        {
            if (d < 0) throw new ArgumentException($"shape has a negative dimension {d}", nameof(shape));
            count *= d;
        }
        if (count != data.Length)
            throw new ArgumentException($"shape ({string.Join(", ", shape.ToArray())}) has {count} elements but {data.Length} values were given", nameof(data));

        byte[] header = BuildHeader(new NpyHeader("<f4", false, shape.ToArray()));
        string temp = path + ".tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
            {
                stream.Write(header);
                // Little-endian host (linux-x64 only), so the in-memory floats are already '<f4'.
                stream.Write(MemoryMarshal.AsBytes(data));
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            // A failed write (e.g. the path is a folder, the disk is full) must not leave the temporary file behind.
            if (File.Exists(temp)) File.Delete(temp);
            throw;
        }
    }

    /// <summary>Writes an <see cref="NpyArray"/>.</summary>
    public static void Write(string path, NpyArray array) => Write(path, array.Data, array.Shape);

    private static byte[] BuildHeader(NpyHeader header)
    {
        byte[] text = Encoding.Latin1.GetBytes(header.Format());
        int major = 1;
        int prefixLength = NpyHeader.Magic.Length + 2 + 2;
        int padded = PaddedLength(prefixLength, text.Length);
        if (padded - prefixLength > ushort.MaxValue)
        {
            major = 2;
            prefixLength = NpyHeader.Magic.Length + 2 + 4;
            padded = PaddedLength(prefixLength, text.Length);
        }
        var bytes = new byte[padded];
        NpyHeader.Magic.CopyTo(bytes, 0);
        bytes[6] = (byte)major;
        bytes[7] = 0;
        int headerLength = padded - prefixLength;
        if (major == 1) BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)headerLength);
        else BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)headerLength);
        text.CopyTo(bytes, prefixLength);
        bytes.AsSpan(prefixLength + text.Length).Fill((byte)' ');
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    /// <summary>Total header size: prefix + text + at least one terminating newline, rounded up to the alignment.</summary>
    private static int PaddedLength(int prefixLength, int textLength) =>
        (prefixLength + textLength + 1 + Alignment - 1) / Alignment * Alignment;
}
