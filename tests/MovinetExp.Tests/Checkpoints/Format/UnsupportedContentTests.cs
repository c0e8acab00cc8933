using MovinetExp.Checkpoints.Format;
using MovinetExp.Common;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Checkpoints.Format;

/// <summary>Content the reader lists but refuses to decode (or refuses outright), each with a clear message.</summary>
public class UnsupportedContentTests
{
    [Fact]
    public void VariantTensorsListButCannotBeReadAsNumbers()
    {
        // Ten zero bytes are not a valid variant element (its checksum would be non-zero): listed, and reported.
        string prefix = WriteBundle(BundleHeader.SingleShard, [10], [new TensorEntry("iterator/.ATTRIBUTES/ITERATOR_STATE", DType.Variant, [1], 0, 0, 10, 0)]);
        using var reader = TensorBundleReader.Open(prefix);
        var summary = CheckpointInspector.Inspect(reader).Tensors.Single();
        Assert.Equal(("variant", (double?)null), (summary.DType, summary.Sum));
        Assert.Contains("checksum after element 0 does not match", summary.Unavailable);
        var ex = Assert.Throws<CheckpointException>(() => reader.ReadAsDoubles("iterator/.ATTRIBUTES/ITERATOR_STATE"));
        Assert.Contains("dtype variant", ex.Message);
    }

    [Fact]
    public void SlicedEntriesListButCannotBeRead()
    {
        // A BundleEntryProto with one (empty) TensorSliceProto in field 7, written by hand.
        byte[] value = [0x08, 0x01, 0x12, 0x04, 0x12, 0x02, 0x08, 0x04, 0x3a, 0x00];
        string prefix = Path.Combine(TestPaths.NewScratchFolder("ckpt-sliced"), "ckpt");
        WriteIndex(prefix, BundleHeader.SingleShard.Encode(), ("part", value));
        File.WriteAllBytes(BundleFileNames.DataPath(prefix, 0, 1), []);

        using var reader = TensorBundleReader.Open(prefix);
        Assert.Equal(1, reader.GetEntry("part").SliceCount);
        var ex = Assert.Throws<CheckpointException>(() => reader.ReadFloat32("part"));
        Assert.Contains("partitioned slices", ex.Message);
    }

    [Fact]
    public void BigEndianAndTooNewBundlesAreRejectedAtOpen()
    {
        string bigEndian = WriteBundle(new BundleHeader(1, true, 1, 0, []), [4], [new TensorEntry("x", DType.Float, [], 0, 0, 4, 0)]);
        var ex = Assert.Throws<CheckpointException>(() => TensorBundleReader.Open(bigEndian));
        Assert.Contains("big-endian", ex.Message);

        string tooNew = WriteBundle(new BundleHeader(1, false, 3, 2, []), [4], [new TensorEntry("x", DType.Float, [], 0, 0, 4, 0)]);
        ex = Assert.Throws<CheckpointException>(() => TensorBundleReader.Open(tooNew));
        Assert.Contains("requires bundle reader version 2", ex.Message);
    }

    [Fact]
    public void EntrySizeThatDisagreesWithShapeIsACorruptIndex()
    {
        string prefix = WriteBundle(BundleHeader.SingleShard, [8], [new TensorEntry("x", DType.Float, [3], 0, 0, 8, 0)]);
        using var reader = TensorBundleReader.Open(prefix);
        var ex = Assert.Throws<CheckpointException>(() => reader.ReadFloat32("x"));
        Assert.Contains("should occupy 3 x 4 bytes but its entry says 8", ex.Message);
    }

    private static string WriteBundle(BundleHeader header, int[] dataSizes, TensorEntry[] entries)
    {
        string prefix = Path.Combine(TestPaths.NewScratchFolder("ckpt-unsupported"), "ckpt");
        File.WriteAllBytes(BundleFileNames.IndexPath(prefix), BundleIndexEncoder.Encode(header, entries));
        File.WriteAllBytes(BundleFileNames.DataPath(prefix, 0, header.NumShards), new byte[dataSizes.Sum()]);
        return prefix;
    }

    private static void WriteIndex(string prefix, byte[] header, params (string Key, byte[] Value)[] entries)
    {
        using var file = File.Create(BundleFileNames.IndexPath(prefix));
        TableWriter.Write(file, entries.Select(e => new TableEntry(System.Text.Encoding.UTF8.GetBytes(e.Key), e.Value)).Prepend(new TableEntry([], header)));
    }
}
