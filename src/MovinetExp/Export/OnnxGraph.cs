using Google.Protobuf;
using Onnx;
using static TorchSharp.torch;

namespace MovinetExp.Export;

/// <summary>
/// Builds one ONNX graph (the official onnx.proto object model from OnnxSharp, written by Google.Protobuf):
/// nodes get unique names, weights become float32 initializers, small int64 vectors become constants.
/// The model's modules call it from their <c>ExportOnnx</c> methods, in the same order as their forward
/// passes, so the graph is the modules' own computation and not a second copy of the architecture.
/// </summary>
internal sealed class OnnxGraph
{
    private readonly GraphProto _graph = new();
    private readonly Dictionary<string, int> _counters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _constants = new(StringComparer.Ordinal);

    public OnnxGraph(string name) => _graph.Name = name;

    public GraphProto Proto => _graph;

    /// <summary>A fresh value name: prefix/op_N.</summary>
    public string Fresh(string hint)
    {
        int n = _counters.GetValueOrDefault(hint);
        _counters[hint] = n + 1;
        return n == 0 ? hint : $"{hint}_{n}";
    }

    /// <summary>Adds a node with one output and returns the output's name.</summary>
    public string Node(string op, string scope, IEnumerable<string> inputs, params AttributeProto[] attributes)
    {
        string output = Fresh($"{scope}/{op}");
        AddNode(op, output, inputs, [output], attributes);
        return output;
    }

    /// <summary>Adds a node whose outputs are named by the caller (graph outputs, state outputs).</summary>
    public void AddNode(string op, string name, IEnumerable<string> inputs, IEnumerable<string> outputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        _graph.Node.Add(node);
    }

    /// <summary>A float32 initializer holding a copy of <paramref name="values"/> (any device, any layout).</summary>
    public string Weight(string name, Tensor values)
    {
        using var scope = NewDisposeScope();
        var cpu = values.detach().to(float32).cpu().contiguous();
        var proto = new TensorProto { Name = Fresh(name), DataType = (int)TensorProto.Types.DataType.Float };
        proto.Dims.AddRange(cpu.shape);
        proto.RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(cpu.data<float>().ToArray().AsSpan()));
        _graph.Initializer.Add(proto);
        return proto.Name;
    }

    /// <summary>A shared int64 constant (shapes, axes, pads), created once per distinct value.</summary>
    public string Int64s(params long[] values) => Constant(values, TensorProto.Types.DataType.Int64, vector: true);

    /// <summary>A shared int64 scalar constant (a rank-0 tensor, as Range and arithmetic on scalars want).</summary>
    public string Int64Scalar(long value) => Constant([value], TensorProto.Types.DataType.Int64, vector: false);

    /// <summary>A shared float32 scalar constant.</summary>
    public string FloatScalar(float value)
    {
        string key = $"f:{BitConverter.SingleToInt32Bits(value)}";
        if (_constants.TryGetValue(key, out var name)) return name;
        var proto = new TensorProto { Name = Fresh("const/float"), DataType = (int)TensorProto.Types.DataType.Float };
        proto.FloatData.Add(value);
        _graph.Initializer.Add(proto);
        return _constants[key] = proto.Name;
    }

    private string Constant(long[] values, TensorProto.Types.DataType type, bool vector)
    {
        string key = $"{type}:{vector}:{string.Join(",", values)}";
        if (_constants.TryGetValue(key, out var name)) return name;
        var proto = new TensorProto { Name = Fresh("const/int64"), DataType = (int)type };
        if (vector) proto.Dims.Add(values.Length);
        proto.Int64Data.AddRange(values);
        _graph.Initializer.Add(proto);
        return _constants[key] = proto.Name;
    }

    /// <summary>Declares a graph input; a dimension is a number, or a name for one chosen at run time.</summary>
    public void Input(string name, TensorProto.Types.DataType type, params object[] dims) => _graph.Input.Add(ValueInfo(name, type, dims));

    /// <summary>Declares a graph output.</summary>
    public void Output(string name, TensorProto.Types.DataType type, params object[] dims) => _graph.Output.Add(ValueInfo(name, type, dims));

    private static ValueInfoProto ValueInfo(string name, TensorProto.Types.DataType type, object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
            shape.Dim.Add(d switch
            {
                string param => new TensorShapeProto.Types.Dimension { DimParam = param },
                long value => new TensorShapeProto.Types.Dimension { DimValue = value },
                int value => new TensorShapeProto.Types.Dimension { DimValue = value },
                _ => throw new ArgumentException($"A dimension is a name or a size, not {d.GetType().Name}."),
            });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    public static AttributeProto Attribute(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Attribute(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    public static AttributeProto Attribute(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    public static AttributeProto Attribute(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }
}
