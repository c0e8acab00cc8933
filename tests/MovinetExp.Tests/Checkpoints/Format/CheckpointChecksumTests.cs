using System.Buffers.Binary;
using MovinetExp.Checkpoints.Format;
using MovinetExp.Tests.Cli;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Checkpoints.Format;

/// <summary>
/// The README promises the CRC32C of every tensor: one flipped byte in a tensor of any kind (float, int,
/// string, the object graph, variant) must make exactly that tensor unavailable in the listing, and
/// `checkpoint inspect` must exit 4.
/// </summary>
public class CheckpointChecksumTests
{
    private const string DataFile = "variables.data-00000-of-00001";

    // Byte positions inside fixture 3 (offsets from the fixture README).
    [Theory]
    [InlineData("layer_with_weights-1/kernel/.ATTRIBUTES/VARIABLE_VALUE", 120 + 50)] // float32 [5, 5] at [120, 220)
    [InlineData("optimizer/iter/.ATTRIBUTES/VARIABLE_VALUE", 264 + 3)]               // int64 scalar at [264, 272)
    [InlineData("_CHECKPOINTABLE_OBJECT_GRAPH", 832 + 2000)]                         // string payload at [832, 5485)
    public void AFlippedByteInAGenuineCheckpointMakesThatTensorUnavailable(string key, int position)
    {
        string folder = FixtureNames.CopyToScratch(FixtureNames.DenseAdam);
        FlipByte(Path.Combine(folder, DataFile), position);

        var listing = CheckpointInspector.Inspect(folder);

        var damaged = listing.Tensors.Single(t => t.Key == key);
        Assert.NotNull(damaged.Unavailable);
        Assert.Contains("CRC32C", damaged.Unavailable);
        Assert.Contains(DataFile, damaged.Unavailable);
        Assert.All(listing.Tensors.Where(t => t.Key != key), t => Assert.Null(t.Unavailable));
    }

    [Fact]
    public void AFlippedByteInAMultiElementStringTensorIsCaught()
    {
        // No genuine fixture has a string tensor besides the object graph; our writer produces TF's layout.
        string prefix = Path.Combine(TestPaths.NewScratchFolder("ckpt-strings"), "ckpt");
        using (var writer = new TensorBundleWriter(prefix))
        {
            writer.AddFloat32("w", [2], [1f, 2f]);
            writer.AddStrings("labels", [3], ["archery"u8.ToArray(), "bowling"u8.ToArray(), "punch"u8.ToArray()]);
            writer.Finish();
        }
        Assert.All(CheckpointInspector.Inspect(prefix).Tensors, t => Assert.Null(t.Unavailable));

        // After the float tensor (8 bytes): 3 one-byte lengths, 4 checksum bytes, then "archerybowlingpunch".
        FlipByte(BundleFileNames.DataPath(prefix, 0, 1), 8 + 3 + 4 + 9);

        var listing = CheckpointInspector.Inspect(prefix);
        Assert.Contains("'labels' fails its CRC32C check", listing.Tensors.Single(t => t.Key == "labels").Unavailable);
        Assert.Null(listing.Tensors.Single(t => t.Key == "w").Unavailable);
    }

    [Theory]
    [InlineData(0, "is corrupt")]              // the first element's length varint: the layout no longer adds up
    [InlineData(3, "checksum after element 0")] // inside the first element's proto bytes
    [InlineData(7, "checksum after element 0")] // the first element's own masked checksum
    [InlineData(14, "checksum after element 1")] // the last element's checksum
    public void AFlippedByteInAVariantTensorIsCaught(int position, string expected)
    {
        string prefix = VariantCheckpoint([[0x0a, 0x03, 0x61, 0x62, 0x63], [0x12, 0x00]]);
        Assert.Null(Assert.Single(CheckpointInspector.Inspect(prefix).Tensors).Unavailable);

        FlipByte(BundleFileNames.DataPath(prefix, 0, 1), position);

        var tensor = Assert.Single(CheckpointInspector.Inspect(prefix).Tensors);
        Assert.Equal("variant", tensor.DType);
        Assert.Contains("'iterator'", tensor.Unavailable);
        Assert.Contains(expected, tensor.Unavailable);
    }

    [Fact]
    public void InspectExits4OnAFlippedObjectGraphByte()
    {
        string folder = FixtureNames.CopyToScratch(FixtureNames.DenseAdam);
        FlipByte(Path.Combine(folder, DataFile), 832 + 2000);

        var result = CliProcess.Run(folder, "checkpoint", "inspect", folder);

        Assert.True(result.ExitCode == 4, $"exit code {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        Assert.Contains("_CHECKPOINTABLE_OBJECT_GRAPH", result.StandardOutput);
        Assert.Contains("1 tensor(s) could not be read", result.Unwrapped);
        Assert.DoesNotContain("   at ", result.Unwrapped);
    }

    /// <summary>
    /// A checkpoint with one DT_VARIANT vector in TF's layout (tensor_bundle.cc, WriteVariantTensor): per element
    /// a varint64 length, the serialized proto, and the masked running CRC (length fed as fixed64, proto, then
    /// each earlier checksum); the entry CRC is the masked final running CRC.
    /// </summary>
    private static string VariantCheckpoint(byte[][] elements)
    {
        string prefix = Path.Combine(TestPaths.NewScratchFolder("ckpt-variant"), "ckpt");
        var data = new MemoryStream();
        uint crc = 0;
        Span<byte> scratch = stackalloc byte[8];
        foreach (byte[] element in elements)
        {
            Varint.Write(data, (ulong)element.Length);
            BinaryPrimitives.WriteUInt64LittleEndian(scratch, (ulong)element.Length);
            crc = Crc32C.Extend(crc, scratch);
            data.Write(element);
            crc = Crc32C.Extend(crc, element);
            BinaryPrimitives.WriteUInt32LittleEndian(scratch, Crc32C.Mask(crc));
            data.Write(scratch[..4]);
            crc = Crc32C.Extend(crc, scratch[..4]);
        }
        File.WriteAllBytes(BundleFileNames.DataPath(prefix, 0, 1), data.ToArray());
        var entry = new TensorEntry("iterator", DType.Variant, [elements.Length], 0, 0, data.Length, Crc32C.Mask(crc));
        File.WriteAllBytes(BundleFileNames.IndexPath(prefix), BundleIndexEncoder.Encode(BundleHeader.SingleShard, [entry]));
        return prefix;
    }

    private static void FlipByte(string path, int position)
    {
        byte[] bytes = File.ReadAllBytes(path);
        bytes[position] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
    }
}
