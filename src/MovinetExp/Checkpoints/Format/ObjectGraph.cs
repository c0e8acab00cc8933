using MovinetExp.Common;

namespace MovinetExp.Checkpoints.Format;

/// <summary>
/// Navigates a TF2 object-based checkpoint's object graph: resolves object paths such as
/// <c>model/layer_with_weights-0/kernel</c> by walking named edges from the root, and lists every
/// saved variable with its shortest path (breadth-first, children in declaration order — the rule
/// TensorFlow uses to build keys), telling optimizer state apart from model variables.
/// </summary>
public sealed class ObjectGraph
{
    /// <summary>Edge name under which tf.train.Checkpoint and Keras models track their optimizer.</summary>
    public const string OptimizerEdge = "optimizer";

    private readonly string?[] _paths;
    private readonly bool[] _isOptimizerState;

    /// <exception cref="InvalidDataException">An edge or slot reference points at a node that does not exist.</exception>
    public ObjectGraph(TrackableObjectGraph graph)
    {
        Graph = graph;
        if (graph.Nodes.Count == 0) throw new InvalidDataException("the object graph has no nodes (not even a root)");
        ValidateReferences(graph);
        _paths = new string?[graph.Nodes.Count];
        _isOptimizerState = new bool[graph.Nodes.Count];
        AssignShortestPaths();
        AssignSlotVariablePaths();
        Variables = CollectVariables();
    }

    public TrackableObjectGraph Graph { get; }

    /// <summary>Every attribute of every reachable node, in node order.</summary>
    public IReadOnlyList<CheckpointVariable> Variables { get; }

    public IEnumerable<CheckpointVariable> ModelVariables => Variables.Where(v => !v.IsOptimizerState);

    public IEnumerable<CheckpointVariable> OptimizerVariables => Variables.Where(v => v.IsOptimizerState);

    /// <summary>Reads and decodes <c>_CHECKPOINTABLE_OBJECT_GRAPH</c>; null for a TF1 name-based checkpoint that has none.</summary>
    public static ObjectGraph? TryLoad(TensorBundleReader reader)
    {
        if (!reader.Contains(TrackableObjectGraph.CheckpointKey)) return null;
        var strings = reader.ReadStrings(TrackableObjectGraph.CheckpointKey);
        if (strings.Length != 1)
            throw new CheckpointException(
                $"'{TrackableObjectGraph.CheckpointKey}' in '{reader.IndexPath}' holds {strings.Length} strings instead of one.");
        try
        {
            return new ObjectGraph(TrackableObjectGraph.Decode(strings[0]));
        }
        catch (InvalidDataException ex)
        {
            throw new CheckpointException(
                $"The object graph '{TrackableObjectGraph.CheckpointKey}' of checkpoint '{reader.Prefix}' is malformed: {ex.Message}.", ex);
        }
    }

    /// <summary>Like <see cref="TryLoad"/> but a checkpoint without object graph is an error.</summary>
    public static ObjectGraph Load(TensorBundleReader reader) =>
        TryLoad(reader) ?? throw new CheckpointException(
            $"Checkpoint '{reader.Prefix}' has no '{TrackableObjectGraph.CheckpointKey}' tensor: it is a TF1 name-based " +
            "checkpoint, not an object-based (tf.train.Checkpoint / Keras) one, so object paths cannot be resolved.");

    /// <summary>Shortest object path of a node, or null when no edge path from the root reaches it.</summary>
    public string? ObjectPathOf(int nodeId) => _paths[nodeId];

    /// <summary>Walks edge names (escaped, '/'-separated) from the root; "" is the root itself.</summary>
    public bool TryResolveNodeId(string objectPath, out int nodeId)
    {
        nodeId = 0;
        foreach (string segment in SplitPath(objectPath))
        {
            string edge = TrackableNames.Unescape(segment);
            var child = Graph.Nodes[nodeId].Children.FirstOrDefault(c => c.LocalName == edge);
            if (child is null) return false;
            nodeId = child.NodeId;
        }
        return true;
    }

    /// <exception cref="CheckpointException">Some edge on the way does not exist; the message lists the edges that do.</exception>
    public int ResolveNodeId(string objectPath)
    {
        int nodeId = 0;
        string walked = "";
        foreach (string segment in SplitPath(objectPath))
        {
            string edge = TrackableNames.Unescape(segment);
            var children = Graph.Nodes[nodeId].Children;
            var child = children.FirstOrDefault(c => c.LocalName == edge);
            if (child is null)
            {
                string available = children.Count == 0
                    ? "it has no children"
                    : "its children are: " + string.Join(", ", children.Select(c => TrackableNames.Escape(c.LocalName)).Take(40));
                throw new CheckpointException(
                    $"Object path '{objectPath}' not found in the checkpoint's object graph: " +
                    $"object '{(walked.Length == 0 ? "<root>" : walked)}' has no child '{segment}'; {available}.");
            }
            nodeId = child.NodeId;
            walked = walked.Length == 0 ? segment : walked + "/" + segment;
        }
        return nodeId;
    }

    public TrackableObject Resolve(string objectPath) => Graph.Nodes[ResolveNodeId(objectPath)];

    private static string[] SplitPath(string objectPath) =>
        objectPath.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static void ValidateReferences(TrackableObjectGraph graph)
    {
        int count = graph.Nodes.Count;
        for (int id = 0; id < count; id++)
        {
            foreach (var child in graph.Nodes[id].Children)
            {
                if (child.NodeId < 0 || child.NodeId >= count)
                    throw new InvalidDataException($"node {id} has child '{child.LocalName}' -> node {child.NodeId}, but there are only {count} nodes");
            }
            foreach (var slot in graph.Nodes[id].SlotVariables)
            {
                if (slot.OriginalVariableNodeId < 0 || slot.OriginalVariableNodeId >= count || slot.SlotVariableNodeId < 0 || slot.SlotVariableNodeId >= count)
                    throw new InvalidDataException(
                        $"node {id} has slot '{slot.SlotName}' referencing nodes {slot.OriginalVariableNodeId} -> {slot.SlotVariableNodeId}, " +
                        $"but there are only {count} nodes");
            }
        }
    }

    private void AssignShortestPaths()
    {
        _paths[0] = "";
        var queue = new Queue<int>([0]);
        while (queue.Count > 0)
        {
            int id = queue.Dequeue();
            foreach (var child in Graph.Nodes[id].Children)
            {
                if (_paths[child.NodeId] != null) continue;
                string segment = TrackableNames.Escape(child.LocalName);
                _paths[child.NodeId] = _paths[id]!.Length == 0 ? segment : _paths[id] + "/" + segment;
                // Optimizer state is whatever is first reached through an optimizer edge.
                _isOptimizerState[child.NodeId] = _isOptimizerState[id] || child.LocalName == OptimizerEdge;
                queue.Enqueue(child.NodeId);
            }
        }
    }

    /// <summary>
    /// Legacy optimizers do not make slot variables children of anything; TF names them
    /// <c>&lt;variable path&gt;/.OPTIMIZER_SLOT/&lt;optimizer path&gt;/&lt;slot name&gt;</c>.
    /// </summary>
    private void AssignSlotVariablePaths()
    {
        for (int optimizerId = 0; optimizerId < Graph.Nodes.Count; optimizerId++)
        {
            foreach (var slot in Graph.Nodes[optimizerId].SlotVariables)
            {
                _isOptimizerState[slot.SlotVariableNodeId] = true;
                if (_paths[slot.SlotVariableNodeId] != null) continue;
                if (_paths[slot.OriginalVariableNodeId] is not { } variablePath || _paths[optimizerId] is not { } optimizerPath) continue;
                _paths[slot.SlotVariableNodeId] =
                    variablePath + TrackableNames.OptimizerSlotInfix + optimizerPath + "/" + TrackableNames.Escape(slot.SlotName);
            }
        }
    }

    private List<CheckpointVariable> CollectVariables()
    {
        var slotOf = new Dictionary<int, SlotVariableReference>();
        foreach (var node in Graph.Nodes)
            foreach (var slot in node.SlotVariables)
                slotOf.TryAdd(slot.SlotVariableNodeId, slot);

        var variables = new List<CheckpointVariable>();
        for (int id = 0; id < Graph.Nodes.Count; id++)
        {
            if (_paths[id] is not { } path) continue;
            slotOf.TryGetValue(id, out var slot);
            foreach (var attribute in Graph.Nodes[id].Attributes)
            {
                variables.Add(new CheckpointVariable(
                    id, path, attribute.Name, attribute.FullName, attribute.CheckpointKey,
                    _isOptimizerState[id], slot?.OriginalVariableNodeId, slot?.SlotName));
            }
        }
        return variables;
    }
}
