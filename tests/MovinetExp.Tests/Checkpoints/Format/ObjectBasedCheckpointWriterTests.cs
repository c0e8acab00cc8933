using MovinetExp.Checkpoints.Format;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Checkpoints.Format;

public class ObjectBasedCheckpointWriterTests
{
    private const string ExpansionKernel = "model/layer_with_weights-0/layer_with_weights-1/_expansion/_conv/kernel";

    [Fact]
    public void RoundTripResolvesEveryPathWithItsValues()
    {
        string folder = TestPaths.NewScratchFolder("ckpt-object");
        string prefix = Path.Combine(folder, "ckpt-1");
        var variables = new (string Path, long[] Shape)[]
        {
            (ExpansionKernel, [1, 1, 1, 8, 16]),
            ("model/layer_with_weights-0/layer_with_weights-1/_projection/_conv/kernel", [3, 3, 3, 16, 8]),
            ("model/layer_with_weights-0/layer_with_weights-1/_expansion/_norm/gamma", [16]),
            ("model/head/dense.v2/kernel", [8, 10]), // '.' in an edge name must be escaped in the key
        };
        var values = variables.Select((v, i) => Enumerable.Range(0, (int)v.Shape.Aggregate(1L, (a, b) => a * b))
            .Select(j => (float)Math.Sin(i * 1000 + j)).ToArray()).ToArray();

        using (var writer = new ObjectBasedCheckpointWriter(prefix))
        {
            for (int i = 0; i < variables.Length; i++) writer.AddFloat32(variables[i].Path, variables[i].Shape, values[i]);
            writer.AddInt64("model/step", [], [123L]);
            writer.Finish();
        }

        Assert.Equal("model_checkpoint_path: \"ckpt-1\"\nall_model_checkpoint_paths: \"ckpt-1\"\n",
            File.ReadAllText(Path.Combine(folder, "checkpoint")));
        using var reader = TensorBundleReader.Open(folder); // found through the checkpoint file
        var graph = ObjectGraph.Load(reader);
        for (int i = 0; i < variables.Length; i++)
        {
            var attribute = graph.Resolve(variables[i].Path).Attributes.Single();
            Assert.Equal((TrackableNames.VariableValue, variables[i].Path), (attribute.Name, attribute.FullName));
            Assert.Equal(ObjectBasedCheckpointWriter.KeyFor(variables[i].Path), attribute.CheckpointKey);
            Assert.Equal(values[i], reader.ReadFloat32(attribute.CheckpointKey));
            Assert.Equal(variables[i].Shape, reader.GetEntry(attribute.CheckpointKey).Shape);
            var entry = reader.GetEntry(attribute.CheckpointKey);
            Assert.Equal(Crc32C.Mask(Crc32C.Compute(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values[i].AsSpan()))), entry.MaskedCrc32C);
        }
        Assert.Equal(ExpansionKernel + "/.ATTRIBUTES/VARIABLE_VALUE", ObjectBasedCheckpointWriter.KeyFor(ExpansionKernel));
        Assert.True(reader.Contains("model/head/dense..v2/kernel/.ATTRIBUTES/VARIABLE_VALUE"));
        Assert.Equal("model/head/dense..v2/kernel", graph.ObjectPathOf(graph.ResolveNodeId("model/head/dense..v2/kernel")));
        Assert.Equal([123L], reader.ReadInt64("model/step/.ATTRIBUTES/VARIABLE_VALUE"));
        Assert.Equal([1L], reader.ReadInt64("save_counter/.ATTRIBUTES/VARIABLE_VALUE"));

        // Exactly the variables written, each keyed by its own path, none taken for optimizer state.
        Assert.Equal(variables.Length + 2, graph.Variables.Count);
        Assert.All(graph.Variables, v => Assert.Equal(TrackableNames.VariableKey(v.ObjectPath), v.CheckpointKey));
        Assert.Empty(graph.OptimizerVariables);
        Assert.Equal(reader.Entries.Count - 1, graph.Variables.Count);
        AssertBreadthFirstNumbering(graph.Graph);
    }

    [Fact]
    public void OptimizerEdgeMarksOptimizerState()
    {
        string prefix = Path.Combine(TestPaths.NewScratchFolder("ckpt-opt"), "ckpt-2");
        using (var writer = new ObjectBasedCheckpointWriter(prefix))
        {
            writer.AddFloat32("model/dense/kernel", [2], [1f, 2f]);
            writer.AddInt64("optimizer/iter", [], [5L]);
            writer.Finish();
        }
        using var reader = TensorBundleReader.Open(prefix);
        var graph = ObjectGraph.Load(reader);
        Assert.Equal(["optimizer/iter"], graph.OptimizerVariables.Select(v => v.ObjectPath));
        // Variables come in node (breadth-first) order: the shallow save_counter first.
        Assert.Equal(["save_counter", "model/dense/kernel"], graph.ModelVariables.Select(v => v.ObjectPath));
    }

    [Fact]
    public void InvalidPathsAreRejected()
    {
        string prefix = Path.Combine(TestPaths.NewScratchFolder("ckpt-badpath"), "ckpt");
        using var writer = new ObjectBasedCheckpointWriter(prefix);
        Assert.Throws<ArgumentException>(() => writer.AddFloat32("model//kernel", [1], [1f]));
        Assert.Throws<ArgumentException>(() => writer.AddFloat32("save_counter", [1], [1f]));
        writer.AddFloat32("model/kernel", [1], [1f]);
        Assert.Throws<ArgumentException>(() => writer.AddFloat32("model/kernel", [1], [1f]));
    }

    /// <summary>TF numbers nodes in the order a breadth-first walk from the root first meets them.</summary>
    private static void AssertBreadthFirstNumbering(TrackableObjectGraph graph)
    {
        var order = new List<int> { 0 };
        for (int i = 0; i < order.Count; i++)
            foreach (var child in graph.Nodes[order[i]].Children)
                if (!order.Contains(child.NodeId)) order.Add(child.NodeId);
        Assert.Equal(Enumerable.Range(0, graph.Nodes.Count), order);
    }
}
