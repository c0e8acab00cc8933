using System.Buffers.Binary;
using System.Runtime.InteropServices;
using MovinetExp.Common;

namespace MovinetExp.Interop;

/// <summary>
/// Reads NumPy .npy files (format versions 1.0, 2.0, 3.0) into floats. Supported dtypes: little-endian
/// float32 ('&lt;f4') and float64 ('&lt;f8'), and uint8 ('|u1') which is divided by 255 because uint8
/// arrays in this project are video pixels. Every problem is a <see cref="DataException"/> naming the file.
/// </summary>
public static class NpyReader
{
    private static readonly Dictionary<string, int> ItemSizes = new(StringComparer.Ordinal)
    {
        ["<f4"] = 4, ["<f8"] = 8, ["|u1"] = 1,
    };

    /// <summary>Reads an array of any shape in C order.</summary>
    public static NpyArray Read(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var header = ReadHeader(stream, path);
            if (header.FortranOrder)
                throw Problem(path, "the array is in Fortran (column-major) order; save it with np.ascontiguousarray(a) first");
            if (!ItemSizes.TryGetValue(header.Descr, out int itemSize))
                throw Problem(path, $"dtype '{header.Descr}' is not supported; use '<f4' (float32), '<f8' (float64) or '|u1' (uint8)");
            long count = header.Shape.Aggregate(1L, (a, b) => a * b);
            if (count > Array.MaxLength)
                throw Problem(path, $"shape ({string.Join(", ", header.Shape)}) has {count} elements, more than one array can hold");
            long expectedBytes = count * itemSize;
            long availableBytes = stream.Length - stream.Position;
            if (availableBytes < expectedBytes)
                throw Problem(path, $"the file is truncated: shape ({string.Join(", ", header.Shape)}) of '{header.Descr}' needs {expectedBytes} data bytes but only {availableBytes} follow the header");
            if (availableBytes > expectedBytes)
                throw Problem(path, $"{availableBytes - expectedBytes} unexpected bytes follow the {expectedBytes} data bytes");
            return new NpyArray(ReadData(stream, header.Descr, (int)count), header.Shape);
        }
        catch (FileNotFoundException ex) { throw new DataException($"NumPy file '{path}' does not exist.", ex); }
        catch (DirectoryNotFoundException ex) { throw new DataException($"NumPy file '{path}' does not exist.", ex); }
        catch (IOException ex) { throw new DataException($"Cannot read NumPy file '{path}': {ex.Message}", ex); }
    }

    /// <summary>
    /// Reads one clip [T, H, W, 3] or a batch of clips [B, T, H, W, 3] (RGB, values in [0, 1] for uint8 input).
    /// </summary>
    public static NpyArray ReadClips(string path)
    {
        var array = Read(path);
        int rank = array.Shape.Length;
        if (rank is not (4 or 5))
            throw Problem(path, $"a clip must have shape [T, H, W, 3] or [B, T, H, W, 3], found rank {rank} ({string.Join(", ", array.Shape)})");
        if (array.Shape[^1] != 3)
            throw Problem(path, $"the last dimension must be 3 (RGB channels), found {array.Shape[^1]} in shape ({string.Join(", ", array.Shape)})");
        return array;
    }

    private static NpyHeader ReadHeader(Stream stream, string path)
    {
        Span<byte> prefix = stackalloc byte[12];
        int got = stream.ReadAtLeast(prefix[..10], 10, throwOnEndOfStream: false);
        if (got < 10 || !prefix[..6].SequenceEqual(NpyHeader.Magic))
            throw Problem(path, "it does not start with the .npy magic bytes \\x93NUMPY; it is not a NumPy .npy file");
        int major = prefix[6], minor = prefix[7];
        if (major is not (1 or 2 or 3) || minor != 0)
            throw Problem(path, $"format version {major}.{minor} is not supported (1.0, 2.0, 3.0 are)");
        long headerLength;
        if (major == 1) headerLength = BinaryPrimitives.ReadUInt16LittleEndian(prefix[8..]);
        else
        {
            if (stream.ReadAtLeast(prefix[10..12], 2, throwOnEndOfStream: false) < 2)
                throw Problem(path, "the file ends inside the header length");
            headerLength = BinaryPrimitives.ReadUInt32LittleEndian(prefix[8..]);
        }
        if (headerLength > stream.Length - stream.Position)
            throw Problem(path, $"the header claims {headerLength} bytes but the file ends before that (truncated)");
        var headerBytes = new byte[headerLength];
        stream.ReadExactly(headerBytes);
        try
        {
            return NpyHeader.Parse(NpyHeader.EncodingFor(major).GetString(headerBytes));
        }
        catch (FormatException ex)
        {
            throw Problem(path, ex.Message);
        }
    }

    // The tool runs on little-endian linux-x64 only (see Directory.Build.props), so '<' data bytes are the values.
    private static float[] ReadData(Stream stream, string descr, int count)
    {
        var result = new float[count];
        switch (descr)
        {
            case "<f4":
                stream.ReadExactly(MemoryMarshal.AsBytes(result.AsSpan()));
                break;
            case "<f8":
                var doubles = new double[count];
                stream.ReadExactly(MemoryMarshal.AsBytes(doubles.AsSpan()));
                for (int i = 0; i < count; i++) result[i] = (float)doubles[i];
                break;
            default: // "|u1"
                var bytes = new byte[count];
                stream.ReadExactly(bytes);
                for (int i = 0; i < count; i++) result[i] = bytes[i] / 255f;
                break;
        }
        return result;
    }

    private static DataException Problem(string path, string what) => new($"NumPy file '{path}': {what}.");
}
