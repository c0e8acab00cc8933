using DataType = Onnx.TensorProto.Types.DataType;
using static MovinetExp.Export.OnnxGraph;

namespace MovinetExp.Export;

/// <summary>The few ONNX operator patterns the modules' exports share (opset 17 signatures).</summary>
internal static class OnnxOps
{
    /// <summary>Dimension <paramref name="axis"/> of <paramref name="x"/> as int64 [1].</summary>
    public static string Dimension(this OnnxGraph g, string scope, string x, long axis) =>
        g.Node("Shape", scope, [x], Attribute("start", axis), Attribute("end", axis + 1));

    /// <summary>An int64 [1] as a rank-0 tensor (Range takes scalars).</summary>
    public static string Scalar(this OnnxGraph g, string scope, string x) => g.Node("Squeeze", scope, [x, g.Int64s(0)]);

    public static string Cast(this OnnxGraph g, string scope, string x, DataType to) =>
        g.Node("Cast", scope, [x], Attribute("to", (long)to));

    public static string Add(this OnnxGraph g, string scope, string a, string b) => g.Node("Add", scope, [a, b]);

    public static string Mul(this OnnxGraph g, string scope, string a, string b) => g.Node("Mul", scope, [a, b]);

    public static string Div(this OnnxGraph g, string scope, string a, string b) => g.Node("Div", scope, [a, b]);

    public static string Concat(this OnnxGraph g, string scope, long axis, params string[] values) =>
        g.Node("Concat", scope, values, Attribute("axis", axis));

    /// <summary>The last <paramref name="count"/> entries along <paramref name="axis"/>.</summary>
    public static string Last(this OnnxGraph g, string scope, string x, long axis, long count) =>
        g.Node("Slice", scope, [x, g.Int64s(-count), g.Int64s(long.MaxValue), g.Int64s(axis)]);

    /// <summary>Mean over <paramref name="axes"/>, keeping them as size 1.</summary>
    public static string Mean(this OnnxGraph g, string scope, string x, params long[] axes) =>
        g.Node("ReduceMean", scope, [x], Attribute("axes", axes), Attribute("keepdims", 1L));

    /// <summary>A 3-D convolution with constant weights: kernel from the weight, padding [begin..., end...].</summary>
    public static string Conv(this OnnxGraph g, string scope, string x, string weight, string? bias, long[] kernel,
        long[] strides, long[] pads, long groups) =>
        g.Node("Conv", scope, bias is null ? [x, weight] : [x, weight, bias],
            Attribute("kernel_shape", kernel), Attribute("strides", strides), Attribute("pads", pads),
            Attribute("dilations", 1L, 1L, 1L), Attribute("group", groups));
}
