namespace MovinetExp.Checkpoints.Format;

/// <summary>An edge of the object graph: a child object and the attribute name it has in its parent.</summary>
public sealed record ObjectReference(int NodeId, string LocalName);

/// <summary>A tensor saved for an object: attribute name, the variable's graph name, and its bundle key (prefix).</summary>
public sealed record SerializedTensor(string Name, string FullName, string CheckpointKey);

/// <summary>Optimizer state (legacy optimizers): the slot variable <paramref name="SlotVariableNodeId"/> holds slot
/// <paramref name="SlotName"/> of variable <paramref name="OriginalVariableNodeId"/>.</summary>
public sealed record SlotVariableReference(int OriginalVariableNodeId, string SlotName, int SlotVariableNodeId);

/// <summary>One node (<c>TrackableObject</c>) of the object graph.</summary>
public sealed record TrackableObject(
    IReadOnlyList<ObjectReference> Children,
    IReadOnlyList<SerializedTensor> Attributes,
    IReadOnlyList<SlotVariableReference> SlotVariables,
    bool? HasCheckpointValues);

/// <summary>
/// The <c>TrackableObjectGraph</c> proto stored in <c>_CHECKPOINTABLE_OBJECT_GRAPH</c>: node 0 is the root
/// object, nodes are numbered in breadth-first order.
/// </summary>
public sealed record TrackableObjectGraph(IReadOnlyList<TrackableObject> Nodes)
{
    /// <summary>The bundle key of the scalar string tensor holding this proto.</summary>
    public const string CheckpointKey = "_CHECKPOINTABLE_OBJECT_GRAPH";

    /// <exception cref="InvalidDataException">The bytes are not a valid TrackableObjectGraph.</exception>
    public static TrackableObjectGraph Decode(ReadOnlySpan<byte> bytes)
    {
        var nodes = new List<TrackableObject>();
        var reader = new ProtoReader(bytes);
        while (reader.TryReadTag(out int field, out var wire))
        {
            if (field == 1 && wire == WireType.LengthDelimited) nodes.Add(DecodeObject(reader.ReadLengthDelimited()));
            else reader.Skip(wire);
        }
        return new TrackableObjectGraph(nodes);
    }

    public byte[] Encode()
    {
        var graph = new ProtoWriter();
        foreach (var node in Nodes) graph.Message(1, EncodeObject(node));
        return graph.ToArray();
    }

    private static TrackableObject DecodeObject(ReadOnlySpan<byte> bytes)
    {
        var children = new List<ObjectReference>();
        var attributes = new List<SerializedTensor>();
        var slots = new List<SlotVariableReference>();
        bool? hasValues = null;
        var reader = new ProtoReader(bytes);
        while (reader.TryReadTag(out int field, out var wire))
        {
            switch (field, wire)
            {
                case (1, WireType.LengthDelimited): children.Add(DecodeReference(reader.ReadLengthDelimited())); break;
                case (2, WireType.LengthDelimited): attributes.Add(DecodeTensor(reader.ReadLengthDelimited())); break;
                case (3, WireType.LengthDelimited): slots.Add(DecodeSlot(reader.ReadLengthDelimited())); break;
                case (5, WireType.LengthDelimited): hasValues = DecodeBoolValue(reader.ReadLengthDelimited()); break;
                default: reader.Skip(wire); break;
            }
        }
        return new TrackableObject(children, attributes, slots, hasValues);
    }

    private static ObjectReference DecodeReference(ReadOnlySpan<byte> bytes)
    {
        int nodeId = 0;
        string localName = "";
        var reader = new ProtoReader(bytes);
        while (reader.TryReadTag(out int field, out var wire))
        {
            switch (field, wire)
            {
                case (1, WireType.Varint): nodeId = reader.ReadInt32(); break;
                case (2, WireType.LengthDelimited): localName = reader.ReadString(); break;
                default: reader.Skip(wire); break;
            }
        }
        return new ObjectReference(nodeId, localName);
    }

    private static SerializedTensor DecodeTensor(ReadOnlySpan<byte> bytes)
    {
        string name = "", fullName = "", key = "";
        var reader = new ProtoReader(bytes);
        while (reader.TryReadTag(out int field, out var wire))
        {
            switch (field, wire)
            {
                case (1, WireType.LengthDelimited): name = reader.ReadString(); break;
                case (2, WireType.LengthDelimited): fullName = reader.ReadString(); break;
                case (3, WireType.LengthDelimited): key = reader.ReadString(); break;
                default: reader.Skip(wire); break;
            }
        }
        return new SerializedTensor(name, fullName, key);
    }

    private static SlotVariableReference DecodeSlot(ReadOnlySpan<byte> bytes)
    {
        int original = 0, slot = 0;
        string slotName = "";
        var reader = new ProtoReader(bytes);
        while (reader.TryReadTag(out int field, out var wire))
        {
            switch (field, wire)
            {
                case (1, WireType.Varint): original = reader.ReadInt32(); break;
                case (2, WireType.LengthDelimited): slotName = reader.ReadString(); break;
                case (3, WireType.Varint): slot = reader.ReadInt32(); break;
                default: reader.Skip(wire); break;
            }
        }
        return new SlotVariableReference(original, slotName, slot);
    }

    private static bool DecodeBoolValue(ReadOnlySpan<byte> bytes)
    {
        bool value = false;
        var reader = new ProtoReader(bytes);
        while (reader.TryReadTag(out int field, out var wire))
        {
            if (field == 1 && wire == WireType.Varint) value = reader.ReadBool();
            else reader.Skip(wire);
        }
        return value;
    }

    private static ProtoWriter EncodeObject(TrackableObject node)
    {
        var message = new ProtoWriter();
        foreach (var child in node.Children)
        {
            var reference = new ProtoWriter();
            if (child.NodeId != 0) reference.Int64(1, child.NodeId);
            if (child.LocalName.Length > 0) reference.String(2, child.LocalName);
            message.Message(1, reference);
        }
        foreach (var attribute in node.Attributes)
        {
            var tensor = new ProtoWriter();
            if (attribute.Name.Length > 0) tensor.String(1, attribute.Name);
            if (attribute.FullName.Length > 0) tensor.String(2, attribute.FullName);
            if (attribute.CheckpointKey.Length > 0) tensor.String(3, attribute.CheckpointKey);
            message.Message(2, tensor);
        }
        foreach (var slot in node.SlotVariables)
        {
            var reference = new ProtoWriter();
            if (slot.OriginalVariableNodeId != 0) reference.Int64(1, slot.OriginalVariableNodeId);
            if (slot.SlotName.Length > 0) reference.String(2, slot.SlotName);
            if (slot.SlotVariableNodeId != 0) reference.Int64(3, slot.SlotVariableNodeId);
            message.Message(3, reference);
        }
        if (node.HasCheckpointValues is bool hasValues)
        {
            var boolValue = new ProtoWriter();
            if (hasValues) boolValue.Varint(1, 1);
            message.Message(5, boolValue);
        }
        return message;
    }
}
