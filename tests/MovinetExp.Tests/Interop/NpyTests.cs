using System.Buffers.Binary;
using System.Text;
using MovinetExp.Common;
using MovinetExp.Interop;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Interop;

public class NpyTests
{
    /// <summary>
    /// A .npy file assembled byte by byte, following the format description rather than the writer:
    /// magic, version, little-endian header length (2 bytes in 1.0, 4 in 2.0/3.0), dict text padded with
    /// spaces and a newline, then the data.
    /// </summary>
    private static byte[] HandMade(string dict, byte[] data, int major = 1)
    {
        var bytes = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', (byte)major, 0 };
        int lengthField = major == 1 ? 2 : 4;
        byte[] text = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetBytes(dict);
        int headerLength = text.Length + 1;
        while ((8 + lengthField + headerLength) % 64 != 0) headerLength++;
        bytes.Add((byte)(headerLength & 0xFF));
        bytes.Add((byte)(headerLength >> 8));
        if (major != 1) { bytes.Add(0); bytes.Add(0); }
        bytes.AddRange(text);
        bytes.AddRange(Enumerable.Repeat((byte)' ', headerLength - text.Length - 1));
        bytes.Add((byte)'\n');
        bytes.AddRange(data);
        return bytes.ToArray();
    }

    private static byte[] Float32s(params float[] values) => values.SelectMany(BitConverter.GetBytes).ToArray();

    private static string Save(byte[] bytes, string name = "clip.npy")
    {
        string path = Path.Combine(TestPaths.NewScratchFolder("npy"), name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    // 2 frames of 1x2 RGB pixels.
    private static readonly byte[] Pixels = [0, 51, 102, 153, 204, 255, 1, 2, 3, 250, 128, 7];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ReadsAHandMadeFloat32ClipInEveryFormatVersion(int major)
    {
        float[] values = Pixels.Select(p => p * 0.5f - 3f).ToArray();
        string path = Save(HandMade("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 1, 2, 3), }", Float32s(values), major));
        var clip = NpyReader.ReadClips(path);
        Assert.Equal([2, 1, 2, 3], clip.Shape);
        Assert.Equal(values, clip.Data);
    }

    [Fact]
    public void Uint8AndFloat32GiveTheSameFloatsForTheSamePixels()
    {
        const string dictU8 = "{'descr': '|u1', 'fortran_order': False, 'shape': (1, 2, 1, 2, 3), }";
        var fromBytes = NpyReader.ReadClips(Save(HandMade(dictU8, Pixels)));
        var fromFloats = NpyReader.ReadClips(Save(HandMade(dictU8.Replace("|u1", "<f4"), Float32s(Pixels.Select(p => p / 255f).ToArray()))));
        Assert.Equal(fromFloats.Shape, fromBytes.Shape);
        Assert.Equal(fromFloats.Data, fromBytes.Data);
        Assert.Equal(0f, fromBytes.Data[0]);
        Assert.Equal(0.2f, fromBytes.Data[1], 6);
        Assert.Equal(1f, fromBytes.Data[5]);
    }

    [Fact]
    public void ReadsFloat64AndOddButValidHeaderSpellings()
    {
        double[] values = [0.25, -1.5, 3.0];
        byte[] data = values.SelectMany(BitConverter.GetBytes).ToArray();
        // Keys in another order, double quotes, no trailing comma, Python 2 'L' suffix.
        var array = NpyReader.Read(Save(HandMade("{\"shape\": (3L,), \"fortran_order\": False, \"descr\": \"<f8\"}", data)));
        Assert.Equal([3], array.Shape);
        Assert.Equal([0.25f, -1.5f, 3f], array.Data);
    }

    [Fact]
    public void WriterRoundTripsAndWritesAVersion1HeaderAlignedTo64()
    {
        float[] data = Enumerable.Range(0, 2 * 3 * 4 * 5 * 3).Select(i => i * 0.125f - 7f).ToArray();
        string path = Path.Combine(TestPaths.NewScratchFolder("npy"), "batch.npy");
        NpyWriter.Write(path, data, [2, 3, 4, 5, 3]);

        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0], bytes[..8]);
        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        Assert.Equal(0, (10 + headerLength) % 64);
        string header = Encoding.Latin1.GetString(bytes, 10, headerLength);
        Assert.Equal("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3, 4, 5, 3), }", header.TrimEnd());
        Assert.EndsWith("\n", header);
        Assert.Equal(Float32s(data), bytes[(10 + headerLength)..]);

        var back = NpyReader.ReadClips(path);
        Assert.Equal([2, 3, 4, 5, 3], back.Shape);
        Assert.Equal(data, back.Data);
    }

    [Fact]
    public void WriterSwitchesToVersion2WhenTheHeaderIsTooLong()
    {
        int[] shape = Enumerable.Repeat(1, 25_000).ToArray(); // "1, " x 25000 does not fit in 65535 bytes
        string path = Path.Combine(TestPaths.NewScratchFolder("npy"), "long.npy");
        NpyWriter.Write(path, [42f], shape);
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(2, bytes[6]);
        Assert.Equal(0, (12 + (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8))) % 64);
        var back = NpyReader.Read(path);
        Assert.Equal(shape, back.Shape);
        Assert.Equal([42f], back.Data);
    }

    [Fact]
    public void WriterRejectsAShapeThatDoesNotMatchTheData()
    {
        string path = Path.Combine(TestPaths.NewScratchFolder("npy"), "bad.npy");
        Assert.Throws<ArgumentException>(() => NpyWriter.Write(path, new float[5], [2, 3]));
        Assert.False(File.Exists(path));
    }

    public static TheoryData<string, byte[], string> BadFiles()
    {
        byte[] sixFloats = Float32s(1, 2, 3, 4, 5, 6);
        const string ok = "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1, 2, 3), }";
        return new()
        {
            { "fortran", HandMade(ok.Replace("False", "True"), sixFloats), "Fortran" },
            { "big-endian", HandMade(ok.Replace("<f4", ">f4"), sixFloats), "dtype '>f4' is not supported" },
            { "int64", HandMade(ok.Replace("<f4", "<i8"), new byte[48]), "dtype '<i8' is not supported" },
            { "rank 3", HandMade(ok.Replace("(1, 1, 2, 3)", "(1, 2, 3)"), sixFloats), "rank 3" },
            { "rank 6", HandMade(ok.Replace("(1, 1, 2, 3)", "(1, 1, 1, 1, 2, 3)"), sixFloats), "rank 6" },
            { "4 channels", HandMade(ok.Replace("(1, 1, 2, 3)", "(1, 1, 3, 2)"), sixFloats), "last dimension must be 3" },
            { "bad magic", [(byte)'P', (byte)'K', 3, 4, .. HandMade(ok, sixFloats)[4..]], "magic" },
            { "version 4", WithMajorVersion(HandMade(ok, sixFloats), 4), "version 4.0" },
            { "truncated data", HandMade(ok, sixFloats[..20]), "truncated" },
            { "extra data", HandMade(ok, [.. sixFloats, 0, 0, 0, 0]), "4 unexpected bytes" },
            { "unclosed tuple", HandMade("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1, 2, 3}", sixFloats), "malformed header" },
            { "missing shape", HandMade("{'descr': '<f4', 'fortran_order': False}", sixFloats), "'shape'" },
            { "structured dtype", HandMade(ok.Replace("'<f4'", "[('a', '<f4')]"), sixFloats), "'descr'" },
            { "header past end", HandMade(ok, sixFloats)[..40], "truncated" },
            { "empty file", [], "magic" },
            // Values and shapes the model cannot take: refused before any tensor exists (issue 14, items 2 and 3).
            { "NaN value", HandMade(ok, Float32s(1, 2, 3, 4, float.NaN, 6)), "index 4 (frame 0, row 0, column 1, channel 1) is NaN" },
            { "infinite value", HandMade(ok, Float32s(1, 2, float.PositiveInfinity, 4, 5, 6)), "index 2 (frame 0, row 0, column 0, channel 2) is +Infinity" },
            { "no frames", HandMade(ok.Replace("(1, 1, 2, 3)", "(0, 1, 2, 3)"), []), "0 frames of 1x2 pixels" },
            { "empty frames", HandMade(ok.Replace("(1, 1, 2, 3)", "(1, 8, 0, 0, 3)"), []), "8 frames of 0x0 pixels" },
            { "no clips", HandMade(ok.Replace("(1, 1, 2, 3)", "(0, 8, 1, 2, 3)"), []), "holds no clip" },
            { "NaN in a batch", HandMade(ok.Replace("(1, 1, 2, 3)", "(2, 1, 1, 1, 3)"), Float32s(1, 2, 3, 4, float.NegativeInfinity, 6)), "index 4 (clip 1, frame 0, row 0, column 0, channel 1) is -Infinity" },
            { "overflowing shape", HandMade(ok.Replace("(1, 1, 2, 3)", "(65536, 65536, 65536, 65536, 3)"), []), "more values than one array can hold" },
            { "shape past int", HandMade(ok.Replace("(1, 1, 2, 3)", "(1, 8, 1099511627776, 1099511627776, 3)"), []), "shape entry 1099511627776 is larger than 2147483647" },
            // NumPy headers are flat dicts; thousands of nested brackets must not overflow the parser's stack (item 4).
            { "deep nesting", HandMade("{'descr': " + new string('[', 60000) + "}", []), "nested more than" },
        };
    }

    private static byte[] WithMajorVersion(byte[] file, byte major)
    {
        file[6] = major;
        return file;
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void BadFilesAreDataExceptionsNamingFileAndProblem(string name, byte[] bytes, string expected)
    {
        string path = Save(bytes, name.Replace(' ', '_') + ".npy");
        var ex = Assert.Throws<DataException>(() => NpyReader.ReadClips(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void AHeaderLongerThanAnyNumPyWritesIsRefusedBeforeParsing()
    {
        // A valid dict padded to 1 MiB (format 2.0 has a 32-bit length): NumPy itself refuses headers this long.
        const string dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1, 2, 3), }";
        int headerLength = 1 << 20;
        var bytes = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 2, 0 };
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)headerLength);
        bytes.AddRange(length);
        bytes.AddRange(Encoding.Latin1.GetBytes(dict.PadRight(headerLength - 1) + "\n"));
        bytes.AddRange(Float32s(1, 2, 3, 4, 5, 6));
        string path = Save([.. bytes], "long-header.npy");

        var ex = Assert.Throws<DataException>(() => NpyReader.ReadClips(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains("header is 1048576 bytes long", ex.Message);
    }

    [Fact]
    public void WritingOntoAFolderLeavesNoTemporaryFile()
    {
        string folder = TestPaths.NewScratchFolder("npy-onto-folder");
        string target = Path.Combine(folder, "out");
        Directory.CreateDirectory(target);

        Assert.ThrowsAny<IOException>(() => NpyWriter.Write(target, new float[6], [2, 3]));

        Assert.Equal([target], Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void AMissingFileIsADataException()
    {
        var ex = Assert.Throws<DataException>(() => NpyReader.Read("/nonexistent/clip.npy"));
        Assert.Contains("'/nonexistent/clip.npy' does not exist", ex.Message);
    }
}
