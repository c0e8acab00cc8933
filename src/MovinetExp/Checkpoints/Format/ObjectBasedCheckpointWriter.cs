using System.Runtime.InteropServices;

namespace MovinetExp.Checkpoints.Format;

/// <summary>
/// Writes a TF2 object-based checkpoint (what <c>tf.train.Checkpoint.write</c> produces): each variable
/// under <c>&lt;object path&gt;/.ATTRIBUTES/VARIABLE_VALUE</c>, an int64 <c>save_counter</c>, a
/// <c>_CHECKPOINTABLE_OBJECT_GRAPH</c> built from the object paths, and the <c>checkpoint</c> state file.
/// Object paths are edge names separated by '/', e.g. <c>model/layer_with_weights-0/kernel</c>.
/// </summary>
public sealed class ObjectBasedCheckpointWriter : IDisposable
{
    public const string SaveCounterPath = "save_counter";

    private readonly TensorBundleWriter _bundle;
    private readonly PathNode _root = new("");

    public ObjectBasedCheckpointWriter(string prefix) => _bundle = new TensorBundleWriter(prefix);

    public string Prefix => _bundle.Prefix;

    /// <summary>The bundle key TensorFlow uses for the variable at <paramref name="objectPath"/>.</summary>
    public static string KeyFor(string objectPath) =>
        TrackableNames.VariableKey(string.Join('/', SplitPath(objectPath).Select(TrackableNames.Escape)));

    public void AddFloat32(string objectPath, long[] shape, ReadOnlySpan<float> values) =>
        AddRaw(objectPath, DType.Float, shape, MemoryMarshal.AsBytes(values));

    public void AddInt64(string objectPath, long[] shape, ReadOnlySpan<long> values) =>
        AddRaw(objectPath, DType.Int64, shape, MemoryMarshal.AsBytes(values));

    /// <summary>A variable of any fixed-size dtype from its little-endian element bytes.</summary>
    public void AddRaw(string objectPath, DType dtype, long[] shape, ReadOnlySpan<byte> littleEndianBytes)
    {
        if (SplitPath(objectPath) is [SaveCounterPath])
            throw new ArgumentException($"'{SaveCounterPath}' is written automatically", nameof(objectPath));
        // The bundle validates key uniqueness and shape first, so a rejected variable leaves no trace in the graph.
        _bundle.AddRaw(KeyFor(objectPath), dtype, shape, littleEndianBytes);
        Register(objectPath);
    }

    /// <summary>Adds save_counter (= 1) and the object graph, writes the bundle and points the <c>checkpoint</c> file at it.</summary>
    public void Finish()
    {
        Register(SaveCounterPath);
        _bundle.AddInt64(KeyFor(SaveCounterPath), [], [1L]);
        byte[] graph = BuildObjectGraph().Encode();
        _bundle.AddStrings(TrackableObjectGraph.CheckpointKey, [], [graph]);
        _bundle.Finish();
        CheckpointStateFile.Write(Path.GetDirectoryName(Prefix)!, Path.GetFileName(Prefix));
    }

    public void Dispose() => _bundle.Dispose();

    private void Register(string objectPath)
    {
        var node = _root;
        foreach (string edge in SplitPath(objectPath)) node = node.Child(edge);
        if (node == _root) throw new ArgumentException("object path must not be empty", nameof(objectPath));
        if (node.FullName != null) throw new ArgumentException($"object path '{objectPath}' was already added", nameof(objectPath));
        node.FullName = string.Join('/', SplitPath(objectPath));
    }

    /// <summary>Nodes numbered breadth-first from the root, children in the order they were first used.</summary>
    private TrackableObjectGraph BuildObjectGraph()
    {
        var order = new List<PathNode> { _root };
        var ids = new Dictionary<PathNode, int> { [_root] = 0 };
        for (int i = 0; i < order.Count; i++)
        {
            foreach (var child in order[i].Children)
            {
                ids[child] = order.Count;
                order.Add(child);
            }
        }
        var nodes = order.Select(node => new TrackableObject(
            node.Children.Select(c => new ObjectReference(ids[c], c.Name)).ToList(),
            node.FullName is { } fullName
                ? [new SerializedTensor(TrackableNames.VariableValue, fullName, KeyFor(fullName))]
                : [],
            [],
            HasCheckpointValues: null)).ToList();
        return new TrackableObjectGraph(nodes);
    }

    private static string[] SplitPath(string objectPath)
    {
        var segments = objectPath.Split('/');
        if (segments.Any(s => s.Length == 0))
            throw new ArgumentException($"object path '{objectPath}' has an empty segment", nameof(objectPath));
        return segments;
    }

    private sealed class PathNode(string name)
    {
        private readonly Dictionary<string, PathNode> _byName = new(StringComparer.Ordinal);

        public string Name { get; } = name;
        public List<PathNode> Children { get; } = [];

        /// <summary>Set when a variable lives at this node (its object path).</summary>
        public string? FullName { get; set; }

        public PathNode Child(string edge)
        {
            if (_byName.TryGetValue(edge, out var child)) return child;
            child = new PathNode(edge);
            _byName[edge] = child;
            Children.Add(child);
            return child;
        }
    }
}
