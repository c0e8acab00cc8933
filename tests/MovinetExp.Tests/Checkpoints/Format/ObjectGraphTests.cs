using MovinetExp.Checkpoints.Format;
using MovinetExp.Common;

namespace MovinetExp.Tests.Checkpoints.Format;

public class ObjectGraphTests
{
    [Fact]
    public void LegacyOptimizerSlotsAreFoundAndKeyedLikeTensorFlow()
    {
        using var reader = TensorBundleReader.Open(FixtureNames.Folder(FixtureNames.DenseAdam));
        var graph = ObjectGraph.Load(reader);

        Assert.Equal(76, graph.Graph.Nodes.Count);
        Assert.Equal(12, graph.Graph.Nodes.Sum(n => n.SlotVariables.Count));
        // Every saved tensor but the graph itself is one variable; paths rebuilt by BFS + slot rule give the keys TF wrote.
        Assert.Equal(reader.Entries.Select(e => e.Key).Where(k => k != TrackableObjectGraph.CheckpointKey).Order(StringComparer.Ordinal),
            graph.Variables.Select(v => v.CheckpointKey).Order(StringComparer.Ordinal));
        Assert.All(graph.Variables, v => Assert.Equal(TrackableNames.VariableKey(v.ObjectPath), v.CheckpointKey));

        var optimizer = graph.OptimizerVariables.ToList();
        Assert.Equal(17, optimizer.Count); // 6 variables x {m, v} + iter, beta_1, beta_2, decay, learning_rate
        Assert.Equal(12, optimizer.Count(v => v.SlotName != null));
        Assert.All(optimizer, v => Assert.Contains("optimizer", v.CheckpointKey));
        Assert.Equal(10, graph.ModelVariables.Count()); // 3 x {kernel, bias} + 2 metrics x {total, count}

        var slot = graph.Variables.Single(v => v.FullName == "Adam/test_in/kernel/m");
        Assert.Equal("layer_with_weights-0/kernel/.OPTIMIZER_SLOT/optimizer/m/.ATTRIBUTES/VARIABLE_VALUE", slot.CheckpointKey);
        Assert.Equal("m", slot.SlotName);
        Assert.Equal("test_in/kernel", graph.Variables.Single(v => v.NodeId == slot.SlotOfNodeId).FullName);
    }

    [Fact]
    public void ResolvesObjectPathsByEdgeNames()
    {
        using var reader = TensorBundleReader.Open(FixtureNames.Folder(FixtureNames.DenseAdam));
        var graph = ObjectGraph.Load(reader);

        Assert.Equal("test_in/kernel", graph.Resolve("layer_with_weights-0/kernel").Attributes.Single().FullName);
        Assert.Equal("test_out/bias", graph.Resolve("layer_with_weights-2/bias").Attributes.Single().FullName);
        Assert.Equal("Adam/iter", graph.Resolve("optimizer/iter").Attributes.Single().FullName);
        Assert.True(graph.TryResolveNodeId("", out int root));
        Assert.Equal(0, root);
        Assert.False(graph.TryResolveNodeId("layer_with_weights-0/gamma", out _));

        var ex = Assert.Throws<CheckpointException>(() => graph.ResolveNodeId("layer_with_weights-0/gamma"));
        Assert.Contains("object 'layer_with_weights-0' has no child 'gamma'", ex.Message);
        Assert.Contains("kernel", ex.Message);
    }

    [Fact]
    public void NewOptimizerLayoutAndShortestPathRule()
    {
        using var reader = TensorBundleReader.Open(FixtureNames.Folder(FixtureNames.LstmNewOptimizer));
        var graph = ObjectGraph.Load(reader);

        Assert.Equal(108, graph.Graph.Nodes.Count);
        Assert.Empty(graph.Graph.Nodes.SelectMany(n => n.SlotVariables));
        Assert.All(graph.Graph.Nodes, n => Assert.NotNull(n.HasCheckpointValues));

        string[] lstm = ["lstm/lstm_cell/kernel", "lstm/lstm_cell/recurrent_kernel", "lstm/lstm_cell/bias"];
        for (int i = 0; i < 3; i++)
        {
            var variable = graph.Variables.Single(v => v.ObjectPath == $"variables/{i}");
            Assert.Equal(lstm[i], variable.FullName);
            Assert.False(variable.IsOptimizerState);
        }
        Assert.Equal("dense/kernel", graph.Resolve("layer_with_weights-1/kernel").Attributes.Single().FullName);

        string[] dense = ["dense/kernel", "dense/bias"];
        string[] slotOwners = [.. lstm, .. dense];
        for (int i = 1; i <= 10; i++)
        {
            var slot = graph.Variables.Single(v => v.ObjectPath == $"optimizer/_variables/{i}");
            string expected = $"Adam/{(i % 2 == 1 ? "m" : "v")}/{slotOwners[(i - 1) / 2]}";
            Assert.Equal(expected, slot.FullName);
            Assert.True(slot.IsOptimizerState);
        }

        // _variables/0 is the iterations counter, keyed by the path BFS finds first.
        Assert.Equal(graph.ResolveNodeId("optimizer/_iterations"), graph.ResolveNodeId("optimizer/_variables/0"));
        Assert.Equal("optimizer/_iterations", graph.ObjectPathOf(graph.ResolveNodeId("optimizer/_variables/0")));

        Assert.All(graph.Variables, v => Assert.True(reader.Contains(v.CheckpointKey), v.CheckpointKey));
        Assert.Equal(9, graph.ModelVariables.Count());      // 3 LSTM + 2 dense + 2 metrics x {total, count}
        Assert.Equal(12, graph.OptimizerVariables.Count()); // 10 slots + iterations + learning rate
    }

    [Fact]
    public void NameBasedCheckpointHasNoObjectGraph()
    {
        using var reader = TensorBundleReader.Open(FixtureNames.Folder(FixtureNames.NameBased));
        Assert.Null(ObjectGraph.TryLoad(reader));
        var ex = Assert.Throws<CheckpointException>(() => ObjectGraph.Load(reader));
        Assert.Contains("name-based", ex.Message);
    }

    [Fact]
    public void ReencodedGraphDecodesToTheSameNodes()
    {
        using var reader = TensorBundleReader.Open(FixtureNames.Folder(FixtureNames.LstmNewOptimizer));
        byte[] original = reader.ReadStrings(TrackableObjectGraph.CheckpointKey)[0];
        var decoded = TrackableObjectGraph.Decode(original);
        var again = TrackableObjectGraph.Decode(decoded.Encode());
        Assert.Equal(decoded.Nodes.Count, again.Nodes.Count);
        for (int i = 0; i < decoded.Nodes.Count; i++)
        {
            Assert.Equal(decoded.Nodes[i].Children, again.Nodes[i].Children);
            Assert.Equal(decoded.Nodes[i].Attributes, again.Nodes[i].Attributes);
            Assert.Equal(decoded.Nodes[i].HasCheckpointValues, again.Nodes[i].HasCheckpointValues);
        }
    }

    [Fact]
    public void TruncatedGraphBytesFailAsInvalidDataOnly()
    {
        using var reader = TensorBundleReader.Open(FixtureNames.Folder(FixtureNames.Tf2Snappy));
        byte[] bytes = reader.ReadStrings(TrackableObjectGraph.CheckpointKey)[0];
        for (int length = 1; length < bytes.Length; length++)
        {
            try
            {
                new ObjectGraph(TrackableObjectGraph.Decode(bytes.AsSpan(0, length)));
            }
            catch (InvalidDataException)
            {
            }
        }
        Assert.Equal(24, TrackableObjectGraph.Decode(bytes).Nodes.Count);
    }
}
