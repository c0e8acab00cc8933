namespace MovinetExp.Models;

/// <summary>
/// TensorFlow "same" padding along one axis (docs §5.1). For stride 2 on an even size the extra
/// cell goes after (bottom/right), which torch's symmetric padding cannot express, so strided convs
/// pad explicitly with these amounts, computed from the actual input size at run time.
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
}
