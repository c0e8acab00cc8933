using System.Runtime.InteropServices;
using System.Text;
using MovinetExp.Checkpoints.Format;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Checkpoints.Format;

public class TensorBundleWriterTests
{
    /// <summary>
    /// Writing TF's own tensors again, in TF's data order, must give both of TF's files byte for byte:
    /// data layout, string encoding with its two checksums, entries and index.
    /// </summary>
    [Theory]
    [MemberData(nameof(FixtureNames.UncompressedFolders), MemberType = typeof(FixtureNames))]
    public void RewritingAFixtureReproducesBothFilesExactly(string folder)
    {
        using var original = TensorBundleReader.Open(FixtureNames.Folder(folder));
        string prefix = Path.Combine(TestPaths.NewScratchFolder("ckpt-rewrite"), Path.GetFileName(original.Prefix));
        using (var writer = new TensorBundleWriter(prefix))
        {
            foreach (var entry in original.Entries.OrderBy(e => e.Offset))
            {
                if (entry.DType == DType.String) writer.AddStrings(entry.Key, entry.Shape, original.ReadStrings(entry.Key));
                else writer.AddRaw(entry.Key, entry.DType, entry.Shape, original.ReadRawBytes(entry.Key));
            }
            writer.Finish();
        }
        Assert.Equal(File.ReadAllBytes(original.DataFilePath(0)), File.ReadAllBytes(BundleFileNames.DataPath(prefix, 0, 1)));
        Assert.Equal(File.ReadAllBytes(original.IndexPath), File.ReadAllBytes(BundleFileNames.IndexPath(prefix)));
    }

    [Fact]
    public void EveryWritableTypeReadsBackExactly()
    {
        string prefix = Path.Combine(TestPaths.NewScratchFolder("ckpt-types"), "all-types");
        float[] floats = [1.5f, -2.25f, float.MaxValue, float.Epsilon, 0f, 3f];
        double[] doubles = [Math.PI, -1e300];
        long[] longs = [long.MinValue, 0, long.MaxValue];
        int[] ints = [7, -8];
        bool[] bools = [true, false, true];
        byte[][] strings = [Encoding.UTF8.GetBytes("héllo"), [], new byte[300]];
        Half[] halves = [(Half)0.5f, (Half)(-3f)];
        ushort[] bfloat16 = [0x3f80, 0xc020]; // 1.0, -2.5

        using (var writer = new TensorBundleWriter(prefix))
        {
            writer.AddFloat32("f32", [2, 3], floats);
            writer.AddFloat64("f64", [2], doubles);
            writer.AddInt64("i64", [3], longs);
            writer.AddInt32("i32", [2, 1], ints);
            writer.AddBool("flags", [3], bools);
            writer.AddStrings("texts", [3], strings);
            writer.AddRaw("half", DType.Half, [2], MemoryMarshal.AsBytes(halves.AsSpan()));
            writer.AddRaw("bf16", DType.BFloat16, [1, 2], MemoryMarshal.AsBytes(bfloat16.AsSpan()));
            writer.AddFloat32("scalar", [], [42f]);
            writer.Finish();
        }

        using var reader = TensorBundleReader.Open(prefix);
        Assert.Equal(floats, reader.ReadFloat32("f32"));
        Assert.Equal(doubles, reader.ReadAsDoubles("f64"));
        Assert.Equal(doubles.Select(d => (float)d), reader.ReadFloat32("f64"));
        Assert.Equal(longs, reader.ReadInt64("i64"));
        Assert.Equal(ints, reader.ReadInt32("i32"));
        Assert.Equal([7L, -8L], reader.ReadInt64("i32"));
        Assert.Equal(bools, reader.ReadBool("flags"));
        Assert.Equal(strings, reader.ReadStrings("texts"));
        Assert.Equal([0.5f, -3f], reader.ReadFloat32("half"));
        Assert.Equal([1f, -2.5f], reader.ReadFloat32("bf16"));
        Assert.Equal([42f], reader.ReadFloat32("scalar"));
        Assert.Equal([2L, 3L], reader.GetEntry("f32").Shape);
        Assert.Empty(reader.GetEntry("scalar").Shape);
        // Data lies in insertion order, densely packed.
        Assert.Equal(reader.Entries.OrderBy(e => e.Offset).Select(e => e.Key),
            ["f32", "f64", "i64", "i32", "flags", "texts", "half", "bf16", "scalar"]);
    }

    [Fact]
    public void InvalidTensorsAreRejectedAndAnUnfinishedWriterLeavesNothing()
    {
        string folder = TestPaths.NewScratchFolder("ckpt-abandon");
        string prefix = Path.Combine(folder, "ckpt");
        using (var writer = new TensorBundleWriter(prefix))
        {
            writer.AddFloat32("a", [2], [1f, 2f]);
            var shape = Assert.Throws<ArgumentException>(() => writer.AddFloat32("b", [2, 2], [1f, 2f]));
            Assert.Contains("needs 4 elements but 2 were given", shape.Message);
            var duplicate = Assert.Throws<ArgumentException>(() => writer.AddFloat32("a", [1], [1f]));
            Assert.Contains("already added", duplicate.Message);
        }
        Assert.Empty(Directory.GetFiles(folder));
    }
}
