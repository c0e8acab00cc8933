using System.Text.Json;
using MovinetExp.Models;

namespace MovinetExp.Tests.Models;

public class ModelSummaryTests
{
    // docs table 4.1: GMACs per clip of the base models at their training input.
    [Theory]
    [InlineData("a0", 50, 172, 2.63)]
    [InlineData("a1", 50, 172, 5.87)]
    [InlineData("a2", 50, 224, 11.6)]
    [InlineData("a3", 120, 256, 55.6)]
    [InlineData("a4", 80, 290, 103)]
    [InlineData("a5", 120, 320, 276)]
    public void BaseMacsMatchTable41(string id, int frames, int resolution, double gigaMacs)
    {
        var summary = ModelSummary.Build(MovinetOptions.For(id, MovinetVariant.Base), frames, resolution);
        Assert.InRange(summary.Macs / 1e9, gigaMacs * 0.995, gigaMacs * 1.005);
    }

    [Fact]
    public void A0BaseSummaryHasCountsLayersAndVariables()
    {
        var summary = ModelSummary.Build(MovinetOptions.For("a0", MovinetVariant.Base), 8, 172);
        Assert.Equal(new ParameterCounts(3_126_071, 3_111_799, 2_214_488), summary.Parameters);
        Assert.Equal(334, summary.Variables.Count);
        // Every trainable value belongs to exactly one conv row or to a BN gamma/beta or ReZero scale.
        long bnAndScale = summary.Variables
            .Where(v => v.Name.EndsWith("/gamma") || v.Name.EndsWith("/beta") || v.Name.EndsWith("/scale"))
            .Sum(v => v.Shape.Aggregate(1L, (a, b) => a * b));
        Assert.Equal(summary.Parameters.Trainable, summary.Layers.Sum(l => l.Parameters) + bnAndScale);
        var stem = summary.Layers[0];
        Assert.Equal(("stem", 3L, 8L, "1x3x3", "1x2x2"), (stem.Name, stem.InChannels, stem.OutChannels, stem.Kernel, stem.Stride));
        Assert.Equal(new long[] { 8, 8, 86, 86 }, stem.OutputShape);
        // Stem MACs by hand: 8 frames × 86² outputs × 8 channels × (3 × 3×3) multiply-adds.
        Assert.Equal(8L * 86 * 86 * 8 * 27, stem.Macs);
        Assert.Equal(new long[] { 600, 1, 1, 1 }, summary.Layers[^1].OutputShape);
    }

    [Fact]
    public void SerialisesToTheCliJsonShape()
    {
        var summary = ModelSummary.Build(MovinetOptions.For("a0", MovinetVariant.Stream, numClasses: 10), 8, 172);
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(summary));
        var root = json.RootElement;
        Assert.Equal(new[] { "model", "variant", "num_classes", "parameters", "macs", "variables" },
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("a0", root.GetProperty("model").GetString());
        Assert.Equal("stream", root.GetProperty("variant").GetString());
        Assert.Equal(10, root.GetProperty("num_classes").GetInt32());
        Assert.Equal(new[] { "total", "trainable", "head" }, root.GetProperty("parameters").EnumerateObject().Select(p => p.Name));
        Assert.Equal(480L * 2048 + 2048 + 2048 * 10 + 10, root.GetProperty("parameters").GetProperty("head").GetInt64());
        var first = root.GetProperty("variables")[0];
        Assert.Equal("model/layer_with_weights-0/layer_with_weights-0/_stem/_conv/_conv/kernel", first.GetProperty("name").GetString());
        Assert.Equal(new[] { 3, 3, 3, 8 }, first.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.True(root.GetProperty("macs").GetInt64() > 0);
    }
}
