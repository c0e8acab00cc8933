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
    /// <summary>
    /// Longest header read. NumPy writes a few hundred bytes for any array this tool reads (and its own
    /// reader refuses more than 10,000 by default); the bound leaves room for format 2.0's long shape
    /// headers while a crafted 32-bit length cannot make the reader allocate gigabytes.
    /// </summary>
    public const int MaxHeaderBytes = 1 << 18;

    private static readonly Dictionary<string, int> ItemSizes = new(StringComparer.Ordinal)
    {
        ["<f4"] = 4, ["<f8"] = 8, ["|u1"] = 1,
    };

    /// <summary>Reads an array of any shape in C order.</summary>
    public static NpyArray Read(string path) => Read(path, checkShape: null);

    /// <summary>
    /// Reads one clip [T, H, W, 3] or a batch of clips [B, T, H, W, 3] (RGB, values in [0, 1] for uint8 input).
    /// The shape is checked from the header, before any data is read: at least one clip of at least one
    /// frame of at least 1x1 pixels, at most <paramref name="maxFrames"/> frames of at most
    /// <paramref name="maxSide"/> pixels a side. Every value must be finite.
    /// </summary>
    public static NpyArray ReadClips(string path, int maxFrames = int.MaxValue, int maxSide = int.MaxValue)
    {
        var array = Read(path, shape => CheckClipShape(path, shape, maxFrames, maxSide));
        int bad = Array.FindIndex(array.Data, v => !float.IsFinite(v));
        if (bad >= 0)
            throw Problem(path, $"the value at index {bad} ({Position(array.Shape, bad)}) is {Describe(array.Data[bad])}; " +
                "a clip must hold finite pixel values (float in [0, 1], or uint8)");
        return array;
    }

    /// <param name="checkShape">Runs on the header's shape before any data is read or allocated.</param>
    private static NpyArray Read(string path, Action<int[]>? checkShape)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var header = ReadHeader(stream, path);
            if (header.FortranOrder)
                throw Problem(path, "the array is in Fortran (column-major) order; save it with np.ascontiguousarray(a) first");
            if (!ItemSizes.TryGetValue(header.Descr, out int itemSize))
                throw Problem(path, $"dtype '{header.Descr}' is not supported; use '<f4' (float32), '<f8' (float64) or '|u1' (uint8)");
            long count = ElementCount(path, header.Shape);
            checkShape?.Invoke(header.Shape);
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
    /// The number of values <paramref name="shape"/> describes, computed without overflow: a product that
    /// wraps around (65536^4 * 3 is 0 in 64 bits) would otherwise pass for an empty array.
    /// </summary>
    private static long ElementCount(string path, int[] shape)
    {
        if (shape.Contains(0)) return 0;
        long count = 1;
        foreach (int d in shape)
        {
            if (count > Array.MaxLength / d)
                throw Problem(path, $"shape ({string.Join(", ", shape)}) describes more values than one array can hold ({Array.MaxLength})");
            count *= d;
        }
        return count;
    }

    private static void CheckClipShape(string path, int[] shape, int maxFrames, int maxSide)
    {
        string text = string.Join(", ", shape);
        int rank = shape.Length;
        if (rank is not (4 or 5))
            throw Problem(path, $"a clip must have shape [T, H, W, 3] or [B, T, H, W, 3], found rank {rank} ({text})");
        if (shape[^1] != 3)
            throw Problem(path, $"the last dimension must be 3 (RGB channels), found {shape[^1]} in shape ({text})");
        if (rank == 5 && shape[0] == 0)
            throw Problem(path, $"the batch holds no clip (shape ({text}))");
        int frames = shape[^4], height = shape[^3], width = shape[^2];
        if (frames == 0 || height == 0 || width == 0)
            throw Problem(path, $"a clip needs at least 1 frame of at least 1x1 pixels; this one has {frames} frames of {height}x{width} pixels (shape ({text}))");
        if (frames > maxFrames)
            throw Problem(path, $"clips of at most {maxFrames} frames are accepted; this one has {frames} (shape ({text}))");
        if (height > maxSide || width > maxSide)
            throw Problem(path, $"frames of at most {maxSide}x{maxSide} pixels are accepted; this one's are {height}x{width} (shape ({text}))");
    }

    /// <summary>Where flat index <paramref name="index"/> of a clip array is, in words.</summary>
    private static string Position(int[] shape, int index)
    {
        var coordinates = new int[shape.Length];
        for (int axis = shape.Length - 1; axis >= 0; axis--)
        {
            coordinates[axis] = index % shape[axis];
            index /= shape[axis];
        }
        string[] names = shape.Length == 5 ? ["clip", "frame", "row", "column", "channel"] : ["frame", "row", "column", "channel"];
        return string.Join(", ", names.Select((name, axis) => $"{name} {coordinates[axis]}"));
    }

    private static string Describe(float value) =>
        float.IsNaN(value) ? "NaN" : float.IsPositiveInfinity(value) ? "+Infinity" : "-Infinity";

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
        if (headerLength > MaxHeaderBytes)
            throw Problem(path, $"the header is {headerLength} bytes long; headers of at most {MaxHeaderBytes} bytes are read (NumPy writes a few hundred)");
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
