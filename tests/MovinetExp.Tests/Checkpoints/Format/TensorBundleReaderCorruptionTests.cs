using MovinetExp.Checkpoints.Format;
using MovinetExp.Common;

namespace MovinetExp.Tests.Checkpoints.Format;

/// <summary>Damaged copies of genuine fixtures must fail with a CheckpointException that says what is wrong.</summary>
public class TensorBundleReaderCorruptionTests
{
    private const string Kernel1 = "layer_with_weights-1/kernel/.ATTRIBUTES/VARIABLE_VALUE"; // fixture 3, bytes [120, 220)

    [Fact]
    public void TruncatedIndexIsReported()
    {
        string folder = FixtureNames.CopyToScratch(FixtureNames.DenseAdam);
        string index = Path.Combine(folder, "variables.index");
        Truncate(index, 1000);
        var ex = Assert.Throws<CheckpointException>(() => TensorBundleReader.Open(index));
        Assert.Contains(index, ex.Message);
        Assert.Contains("corrupt or truncated", ex.Message);

        Truncate(index, 20);
        ex = Assert.Throws<CheckpointException>(() => TensorBundleReader.Open(index));
        Assert.Contains("shorter than the 48-byte table footer", ex.Message);
    }

    [Fact]
    public void TruncatedDataFileNamesTheTensorAndTheFile()
    {
        string folder = FixtureNames.CopyToScratch(FixtureNames.DenseAdam);
        Truncate(Path.Combine(folder, "variables.data-00000-of-00001"), 500);
        using var reader = TensorBundleReader.Open(Path.Combine(folder, "variables"));

        Assert.Equal(25, reader.ReadFloat32("layer_with_weights-0/kernel/.ATTRIBUTES/VARIABLE_VALUE").Length); // still intact
        var ex = Assert.Throws<CheckpointException>(() => reader.ReadStrings(TrackableObjectGraph.CheckpointKey));
        Assert.Contains("'_CHECKPOINTABLE_OBJECT_GRAPH' occupies bytes [832, 5485)", ex.Message);
        Assert.Contains("variables.data-00000-of-00001", ex.Message);
        Assert.Contains("only 500 bytes", ex.Message);
    }

    [Fact]
    public void FlippedTensorByteFailsThatTensorsCrcOnly()
    {
        string folder = FixtureNames.CopyToScratch(FixtureNames.DenseAdam);
        FlipByte(Path.Combine(folder, "variables.data-00000-of-00001"), 130);
        using var reader = TensorBundleReader.Open(folder);

        var ex = Assert.Throws<CheckpointException>(() => reader.ReadFloat32(Kernel1));
        Assert.Contains($"Tensor '{Kernel1}' fails its CRC32C check", ex.Message);
        Assert.Contains("0xfff063b9", ex.Message);
        Assert.Throws<CheckpointException>(() => reader.ReadAsDoubles(Kernel1));
        Assert.Single(reader.ReadFloat32("layer_with_weights-2/bias/.ATTRIBUTES/VARIABLE_VALUE"));
    }

    [Fact]
    public void FlippedStringBytesFailTheEntryOrLengthChecksum()
    {
        string folder = FixtureNames.CopyToScratch(FixtureNames.DenseAdam);
        string data = Path.Combine(folder, "variables.data-00000-of-00001");
        FlipByte(data, 832 + 100); // inside the object graph's payload
        using (var reader = TensorBundleReader.Open(folder))
        {
            var ex = Assert.Throws<CheckpointException>(() => reader.ReadStrings(TrackableObjectGraph.CheckpointKey));
            Assert.Contains("'_CHECKPOINTABLE_OBJECT_GRAPH' fails its CRC32C check", ex.Message);
        }
        FlipByte(data, 832 + 100);
        FlipByte(data, 832 + 2); // the lengths' checksum right after the 2-byte varint length
        using (var reader = TensorBundleReader.Open(folder))
        {
            var ex = Assert.Throws<CheckpointException>(() => reader.ReadStrings(TrackableObjectGraph.CheckpointKey));
            Assert.Contains("'_CHECKPOINTABLE_OBJECT_GRAPH'", ex.Message);
            Assert.Contains("lengths checksum", ex.Message);
        }
    }

    [Theory]
    [InlineData(FixtureNames.NameBased, "model.index", 20, "data block 0")]
    [InlineData(FixtureNames.Tf2Snappy, "variables.index", 30, "data block 0")]
    [InlineData(FixtureNames.NameBased, "model.index", 70, "index block")]
    public void FlippedIndexByteFailsTheBlockCrc(string fixture, string indexName, int position, string block)
    {
        string index = Path.Combine(FixtureNames.CopyToScratch(fixture), indexName);
        FlipByte(index, position);
        var ex = Assert.Throws<CheckpointException>(() => TensorBundleReader.Open(index));
        Assert.Contains(block, ex.Message);
        Assert.Contains("fails its CRC check", ex.Message);
        Assert.Contains(index, ex.Message);
    }

    [Fact]
    public void WrongFooterMagicIsReported()
    {
        string index = Path.Combine(FixtureNames.CopyToScratch(FixtureNames.NameBased), "model.index");
        FlipByte(index, 133);
        var ex = Assert.Throws<CheckpointException>(() => TensorBundleReader.Open(index));
        Assert.Contains("bad table magic number", ex.Message);
        Assert.Contains("not a TensorFlow checkpoint index", ex.Message);
    }

    [Fact]
    public void DeletedShardNamesTheExpectedFile()
    {
        string folder = FixtureNames.CopyToScratch(FixtureNames.NameBased);
        File.Delete(Path.Combine(folder, "model.data-00000-of-00001"));
        using var reader = TensorBundleReader.Open(folder);
        Assert.Equal(2, reader.Entries.Count); // listing needs no data
        var ex = Assert.Throws<CheckpointException>(() => reader.ReadFloat32("W"));
        Assert.Contains("'model.data-00000-of-00001' does not exist", ex.Message);
        Assert.Contains("Tensor 'W'", ex.Message);
    }

    /// <summary>Every truncation and every single-byte flip of two whole index files: a clean error or, for bytes
    /// nobody reads (footer padding), a normal open — never another exception type.</summary>
    [Theory]
    [InlineData(FixtureNames.NameBased, "model.index")]
    [InlineData(FixtureNames.T5IndexOnly, "model.ckpt-0.index")]
    public void NoDamageToAnIndexLeaksANonCheckpointException(string fixture, string indexName)
    {
        string folder = FixtureNames.CopyToScratch(fixture);
        string index = Path.Combine(folder, indexName);
        byte[] original = File.ReadAllBytes(index);
        int opened = 0;
        for (int length = 0; length < original.Length; length++)
        {
            File.WriteAllBytes(index, original[..length]);
            Assert.Throws<CheckpointException>(() => TensorBundleReader.Open(index).Dispose());
        }
        for (int position = 0; position < original.Length; position++)
        {
            byte[] damaged = (byte[])original.Clone();
            damaged[position] ^= 0x5A;
            File.WriteAllBytes(index, damaged);
            try
            {
                TensorBundleReader.Open(index).Dispose();
                opened++;
                Assert.InRange(position, original.Length - 48, original.Length - 9); // only the footer's padding is unchecked
            }
            catch (CheckpointException)
            {
            }
        }
        Assert.InRange(opened, 1, 40);
    }

    [Fact]
    public void GarbageAndMissingPathsAreCheckpointErrors()
    {
        string folder = TestPathsScratch();
        var missing = Assert.Throws<CheckpointException>(() => TensorBundleReader.Open(Path.Combine(folder, "nothing")));
        Assert.Contains("nothing.index' does not exist", missing.Message);

        var empty = Assert.Throws<CheckpointException>(() => TensorBundleReader.Open(folder));
        Assert.Contains("no .index file", empty.Message);

        File.WriteAllBytes(Path.Combine(folder, "a.index"), new byte[100]);
        File.WriteAllBytes(Path.Combine(folder, "b.index"), new byte[100]);
        var two = Assert.Throws<CheckpointException>(() => TensorBundleReader.Open(folder));
        Assert.Contains("2 .index files (a.index, b.index)", two.Message);

        var garbage = Assert.Throws<CheckpointException>(() => TensorBundleReader.Open(Path.Combine(folder, "a")));
        Assert.Contains("magic", garbage.Message);
    }

    private static string TestPathsScratch() => Support.TestPaths.NewScratchFolder("ckpt-garbage");

    private static void Truncate(string path, long length)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.SetLength(length);
    }

    private static void FlipByte(string path, int position)
    {
        byte[] bytes = File.ReadAllBytes(path);
        bytes[position] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
    }
}
