using MovinetExp.Export;

namespace MovinetExp.Models;

/// <summary>
/// TensorFlow "same" padding along one axis (../shared/design/movinet-architecture.md §5.1). For stride 2 on an even
/// size the extra cell goes after (bottom/right), which torch's symmetric padding cannot express, so strided convs pad
/// explicitly with these amounts, computed from the actual input size at run time.
/// </summary>
public static class TfSamePadding
{
    /// <summary>ceil(n / s).</summary>
    public static long OutputSize(long size, int stride) => (size + stride - 1) / stride;

    /// <summary>(before, after) so that a "valid" conv of kernel k and stride s gives ceil(n/s) outputs.</summary>
    public static (long Before, long After) Compute(long size, int kernel, int stride)
    {
        long total = Math.Max((OutputSize(size, stride) - 1) * stride + kernel - size, 0);
        long before = total / 2;
        return (before, total - before);
    }

    /// <summary><see cref="Compute"/> as graph nodes on an int64 [1] size, so an exported model keeps TF's padding
    /// for any input size instead of the one it was exported with.</summary>
    internal static (string Before, string After) ExportOnnx(OnnxGraph g, string scope, string size, int kernel, int stride)
    {
        var output = g.Node("Div", scope, [g.Add(scope, size, g.Int64s(stride - 1)), g.Int64s(stride)]);
        var covered = g.Add(scope, g.Mul(scope, g.Node("Sub", scope, [output, g.Int64s(1)]), g.Int64s(stride)), g.Int64s(kernel));
        var total = g.Node("Max", scope, [g.Node("Sub", scope, [covered, size]), g.Int64s(0)]);
        var before = g.Div(scope, total, g.Int64s(2));
        return (before, g.Node("Sub", scope, [total, before]));
    }
}
