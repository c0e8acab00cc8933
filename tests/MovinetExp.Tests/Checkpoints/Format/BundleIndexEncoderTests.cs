using MovinetExp.Checkpoints.Format;

namespace MovinetExp.Tests.Checkpoints.Format;

public class BundleIndexEncoderTests
{
    /// <summary>Re-encoding TF's own entries must give TF's own bytes: the proof that written indexes match TF's writer.</summary>
    [Theory]
    [MemberData(nameof(FixtureNames.UncompressedFolders), MemberType = typeof(FixtureNames))]
    public void ReencodedUncompressedFixtureIndexIsByteIdentical(string folder)
    {
        using var reader = TensorBundleReader.Open(FixtureNames.Folder(folder));
        byte[] rebuilt = BundleIndexEncoder.Encode(reader.Header, reader.Entries.Reverse()); // input order must not matter
        Assert.Equal(File.ReadAllBytes(reader.IndexPath), rebuilt);
    }

    [Fact]
    public void AnnotatedExampleOfTheFormatNotes()
    {
        byte[] expected = Convert.FromHexString(
            "000006080" + "11a020801" +
            "00010b57080112002804" + "3574ed716f" +
            "00010d620801120020042804" + "35f4bd5083" +
            "0000000001000000" + "00bc6c4d28" +
            "0000000001000000" + "00c0f2a1b0" +
            "00010263003100000000" + "01000000" + "0054f2762d" +
            "3608430e" + new string('0', 72) + "57fb808b247547db");
        var entries = new[]
        {
            new TensorEntry("b", DType.Float, [], 0, 4, 4, 0x8350bdf4),
            new TensorEntry("W", DType.Float, [], 0, 0, 4, 0x6f71ed74),
        };
        Assert.Equal(expected, BundleIndexEncoder.Encode(BundleHeader.SingleShard, entries));
    }

    [Fact]
    public void ManyEntriesSpanSeveralBlocksAndReadBack()
    {
        // ~300 bytes per entry: about 900 entries per 256 KiB block, so 2500 entries need three data blocks.
        string longName = new('x', 250);
        var entries = Enumerable.Range(0, 2500)
            .Select(i => new TensorEntry($"layer_{i:D5}/{longName}", DType.Float, [3, 3], 0, i * 36L, 36, (uint)i))
            .ToList();
        byte[] index = BundleIndexEncoder.Encode(BundleHeader.SingleShard, entries);

        var table = TableReader.ReadAll(index);
        Assert.Equal(entries.Count + 1, table.Count);
        Assert.Equal(entries[1234], TensorEntry.Decode(entries[1234].Key, table[1235].Value) with { Shape = entries[1234].Shape });
        int dataBlocks = CountIndexBlockEntries(index);
        Assert.Equal(3, dataBlocks);
    }

    private static int CountIndexBlockEntries(byte[] file)
    {
        var (_, indexHandle) = TableFooter.Decode(file.AsSpan(file.Length - TableFooter.Length));
        return BlockParser.Parse(file.AsSpan((int)indexHandle.Offset, (int)indexHandle.Size)).Count;
    }
}
