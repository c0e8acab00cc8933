using System.Text.Json;
using MovinetExp.Checkpoints.Format;

namespace MovinetExp.Tests.Checkpoints.Format;

public class CheckpointInspectorTests
{
    [Fact]
    public void MissingShardMakesTensorsUnavailableNotTheListing()
    {
        var listing = CheckpointInspector.Inspect(FixtureNames.Folder(FixtureNames.T5IndexOnly)); // via the checkpoint file
        var rows = FixtureReadme.RowsOf(FixtureNames.T5IndexOnly).ToDictionary(r => r.Key);

        Assert.Equal(105, listing.Tensors.Count);
        foreach (var tensor in listing.Tensors)
        {
            var row = rows[tensor.Key];
            Assert.Equal(((DType)row.DTypeValue).Name(), tensor.DType);
            Assert.Equal(row.Shape, tensor.Shape);
        }
        var step = listing.Tensors.Single(t => t.Key == "global_step");
        Assert.Equal(("int64", 0.0, null), (step.DType, step.Sum, step.Unavailable));
        var others = listing.Tensors.Where(t => t.Key != "global_step").ToList();
        Assert.All(others, t => Assert.Null(t.Sum));
        Assert.All(others, t => Assert.StartsWith("unavailable: ", t.Unavailable));
        Assert.All(others, t => Assert.Contains("model.ckpt-0.data-00001-of-00002", t.Unavailable));
        Assert.Equal(52, others.Count(t => t.DType == "bfloat16"));
        Assert.Equal(52, others.Count(t => t.DType == "float32"));
    }

    [Fact]
    public void SumsMatchTheReadmeAndStringsHaveNone()
    {
        var listing = CheckpointInspector.Inspect(FixtureNames.Folder(FixtureNames.DenseAdam));
        foreach (var row in FixtureReadme.RowsOf(FixtureNames.DenseAdam))
        {
            var tensor = listing.Tensors.Single(t => t.Key == row.Key);
            Assert.Null(tensor.Unavailable);
            if (row.DTypeValue == (int)DType.String)
            {
                Assert.Equal(("string", (double?)null), (tensor.DType, tensor.Sum));
                continue;
            }
            double expected = double.Parse(row.Sum, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(expected - tensor.Sum!.Value) <= 1e-9 * Math.Abs(expected), $"{row.Key}: {tensor.Sum} vs {expected}");
        }
    }

    [Fact]
    public void CorruptTensorIsReportedWithItsReason()
    {
        string folder = FixtureNames.CopyToScratch(FixtureNames.NameBased);
        string data = Path.Combine(folder, "model.data-00000-of-00001");
        byte[] bytes = File.ReadAllBytes(data);
        bytes[5] ^= 1; // inside 'b'
        File.WriteAllBytes(data, bytes);

        var listing = CheckpointInspector.Inspect(folder);
        Assert.Equal(0.21396178007125854, listing.Tensors.Single(t => t.Key == "W").Sum);
        var b = listing.Tensors.Single(t => t.Key == "b");
        Assert.Null(b.Sum);
        Assert.Contains("fails its CRC32C check", b.Unavailable);
    }

    [Fact]
    public void SerializesToTheDocumentedJson()
    {
        var listing = CheckpointInspector.Inspect(Path.Combine(FixtureNames.Folder(FixtureNames.Tf2Snappy), "variables.index"));
        string json = JsonSerializer.Serialize(listing);
        Assert.Equal(
            """{"tensors":[{"key":"_CHECKPOINTABLE_OBJECT_GRAPH","dtype":"string","shape":[],"sum":null},""" +
            """{"key":"a/.ATTRIBUTES/VARIABLE_VALUE","dtype":"float32","shape":[],"sum":0.5},""" +
            """{"key":"b/.ATTRIBUTES/VARIABLE_VALUE","dtype":"float32","shape":[],"sum":2},""" +
            """{"key":"c/.ATTRIBUTES/VARIABLE_VALUE","dtype":"float32","shape":[],"sum":3}]}""",
            json);
    }
}
