using System.Globalization;
using System.Text.RegularExpressions;
using MovinetExp.Checkpoints.Format;
using MovinetExp.Common;

namespace MovinetExp.Tests.Checkpoints.Format;

/// <summary>Every tensor of every genuine fixture against the independent listing in the fixture README.</summary>
public partial class TensorBundleReaderFixtureTests
{
    [GeneratedRegex(@"element lengths \[([\d, ]+)\]; element 0 starts with bytes `?([0-9a-f]+)")]
    private static partial Regex StringSummary();

    [Fact]
    public void ReadmeParserFindsEveryListedTensor()
    {
        Assert.Equal(28, FixtureReadme.RowsOf(FixtureNames.DenseAdam).Count());
        Assert.Equal(22, FixtureReadme.RowsOf(FixtureNames.LstmNewOptimizer).Count());
        Assert.Equal(4, FixtureReadme.RowsOf(FixtureNames.Tf2Snappy).Count());
        Assert.Equal(5, FixtureReadme.RowsOf(FixtureNames.Tf1Snappy).Count());
        Assert.Equal(2, FixtureReadme.RowsOf(FixtureNames.NameBased).Count());
        Assert.Equal(105, FixtureReadme.RowsOf(FixtureNames.T5IndexOnly).Count());

        // Hand-copied from the README as a check on the parser itself.
        var w = FixtureReadme.RowsOf(FixtureNames.NameBased).Single(r => r.Key == "W");
        Assert.Equal((1, 0L, 4L, 0x6f71ed74u, "0.21396178007125854"), (w.DTypeValue, w.Offset, w.Size, w.MaskedCrc, w.Sum));
        var embedding = FixtureReadme.RowsOf(FixtureNames.T5IndexOnly).Single(r => r.Key == "shared/embedding");
        Assert.Equal((14, 1, 6908928L, 2056192L, 0x56e59741u), (embedding.DTypeValue, embedding.Shard, embedding.Offset, embedding.Size, embedding.MaskedCrc));
        Assert.Equal([32128L, 32L], embedding.Shape);
    }

    [Theory]
    [MemberData(nameof(FixtureNames.AllFolders), MemberType = typeof(FixtureNames))]
    public void EntriesMatchReadme(string folder)
    {
        var rows = FixtureReadme.RowsOf(folder).ToList();
        using var reader = TensorBundleReader.Open(rows[0].Prefix);

        Assert.Equal(folder == FixtureNames.T5IndexOnly ? 2 : 1, reader.Header.NumShards);
        Assert.False(reader.Header.IsBigEndian);
        Assert.Equal(1, reader.Header.Producer);
        Assert.Equal(rows.Select(r => r.Key).Order(StringComparer.Ordinal), reader.Entries.Select(e => e.Key));
        foreach (var row in rows)
        {
            var entry = reader.GetEntry(row.Key);
            Assert.Equal((DType)row.DTypeValue, entry.DType);
            Assert.Equal(row.Shape, entry.Shape);
            Assert.Equal((row.Shard, row.Offset, row.Size, row.MaskedCrc), (entry.ShardId, entry.Offset, entry.Size, entry.MaskedCrc32C));
        }
    }

    [Theory]
    [MemberData(nameof(FixtureNames.AllFolders), MemberType = typeof(FixtureNames))]
    public void ValuesMatchReadme(string folder)
    {
        var rows = FixtureReadme.RowsOf(folder).ToList();
        using var reader = TensorBundleReader.Open(rows[0].Prefix);
        int checkedTensors = 0;
        foreach (var row in rows.Where(r => File.Exists(reader.DataFilePath(r.Shard))))
        {
            if (row.DTypeValue == (int)DType.String) CheckString(reader, row);
            else CheckNumeric(reader, row);
            checkedTensors++;
        }
        Assert.Equal(folder == FixtureNames.T5IndexOnly ? 1 : rows.Count, checkedTensors);
    }

    [Fact]
    public void IndexOnlyShardZeroHoldsGlobalStepAndShardOneIsReportedMissing()
    {
        using var reader = TensorBundleReader.Open(FixtureNames.Prefix(FixtureNames.T5IndexOnly));
        Assert.Equal([0L], reader.ReadInt64("global_step"));
        Assert.EndsWith("model.ckpt-0.data-00000-of-00002", reader.DataFilePath(0));

        var ex = Assert.Throws<CheckpointException>(() => reader.ReadFloat32("shared/embedding"));
        Assert.Contains("shared/embedding", ex.Message);
        Assert.Contains("model.ckpt-0.data-00001-of-00002", ex.Message);
        Assert.Contains("shard 1 of 2", ex.Message);
    }

    [Fact]
    public void ReadsTypedArraysOfKnownValues()
    {
        using var dense = TensorBundleReader.Open(FixtureNames.Prefix(FixtureNames.DenseAdam));
        Assert.Equal([1L], dense.ReadInt64("optimizer/iter/.ATTRIBUTES/VARIABLE_VALUE"));
        float[] kernel = dense.ReadFloat32("layer_with_weights-2/kernel/.ATTRIBUTES/VARIABLE_VALUE");
        Assert.Equal([-0.327928305f, 0.395371437f, 0.675503254f, 0.0441696607f], kernel[..4]);

        using var nameBased = TensorBundleReader.Open(FixtureNames.Prefix(FixtureNames.NameBased));
        Assert.Equal([0.21396178f], nameBased.ReadFloat32("W"));
        Assert.Equal([1.0495254f], nameBased.ReadFloat32("b"));
    }

    [Fact]
    public void WrongTypeRequestsAndUnknownKeysAreCheckpointErrors()
    {
        using var reader = TensorBundleReader.Open(FixtureNames.Prefix(FixtureNames.DenseAdam));
        var wrongType = Assert.Throws<CheckpointException>(() => reader.ReadFloat32("optimizer/iter/.ATTRIBUTES/VARIABLE_VALUE"));
        Assert.Contains("int64", wrongType.Message);
        var notNumeric = Assert.Throws<CheckpointException>(() => reader.ReadAsDoubles("_CHECKPOINTABLE_OBJECT_GRAPH"));
        Assert.Contains("string", notNumeric.Message);
        var missing = Assert.Throws<CheckpointException>(() => reader.ReadFloat32("no/such/tensor"));
        Assert.Contains("no/such/tensor", missing.Message);
    }

    private static void CheckString(TensorBundleReader reader, FixtureTensorRow row)
    {
        var summary = StringSummary().Match(row.Values);
        Assert.True(summary.Success, $"unexpected README string summary for {row}: {row.Values}");
        long[] lengths = summary.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries).Select(long.Parse).ToArray();
        byte[][] strings = reader.ReadStrings(row.Key);
        Assert.Equal(lengths, strings.Select(s => (long)s.Length));
        string prefixHex = summary.Groups[2].Value;
        Assert.Equal(prefixHex, Convert.ToHexStringLower(strings[0])[..prefixHex.Length]);
    }

    private static void CheckNumeric(TensorBundleReader reader, FixtureTensorRow row)
    {
        double[] values = reader.ReadAsDoubles(row.Key);
        Assert.Equal(row.Shape.Aggregate(1L, (a, b) => a * b), values.LongLength);

        double[] listed = ParseValues(row.Values);
        Assert.True(listed.Length == Math.Min(4, values.Length), $"{row}: README lists {listed.Length} first values");
        for (int i = 0; i < listed.Length; i++)
            AssertClose(listed[i], values[i], 1e-8, $"{row} element {i}");

        if (row.Sum.Length > 0)
        {
            double sum = values.Sum();
            if (row.DTypeValue is (int)DType.Int64 or (int)DType.Int32) Assert.Equal(long.Parse(row.Sum, CultureInfo.InvariantCulture), (long)sum);
            else AssertClose(double.Parse(row.Sum, CultureInfo.InvariantCulture), sum, 1e-9, $"{row} sum");
        }
        if (row.DTypeValue == (int)DType.Float)
            Assert.Equal(values, reader.ReadFloat32(row.Key).Select(v => (double)v));
    }

    /// <summary>"0.5, 0.0" or "[0] (crc ok: True)" into numbers.</summary>
    private static double[] ParseValues(string text)
    {
        string list = text.Contains('[') ? text[(text.IndexOf('[') + 1)..text.IndexOf(']')] : text;
        return list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
    }

    private static void AssertClose(double expected, double actual, double relative, string what) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Abs(expected) + 1e-300,
            $"{what}: expected {expected:R}, got {actual:R}");
}
