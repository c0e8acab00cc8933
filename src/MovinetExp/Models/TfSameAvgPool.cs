using MovinetExp.Export;
using MovinetExp.Numerics;
using static TorchSharp.torch;

namespace MovinetExp.Models;

/// <summary>
/// Keras AveragePooling3D(1×k×k, stride 1×s×s, padding "same") (../shared/design/movinet-architecture.md §5.3): padding
/// follows the TF "same" rule and padded cells are left out of the average (a 3×3 window at an edge divides by 6, at a
/// corner by 4).
/// </summary>
internal static class TfSameAvgPool
{
    public static Tensor Apply(Tensor x, int kernel, int stride)
    {
        using var scope = NewDisposeScope();
        var (top, bottom) = TfSamePadding.Compute(x.shape[3], kernel, stride);
        var (left, right) = TfSamePadding.Compute(x.shape[4], kernel, stride);
        long[] pad = { left, right, top, bottom };
        long[] window = { 1, kernel, kernel };
        long[] step = { 1, stride, stride };
        // Both poolings divide by k²; their ratio is (sum of valid cells) / (number of valid cells).
        // avg_pool3d has no channels-last kernel and returns NCDHW; without restoring the layout every
        // later block would run the slow NCDHW convolutions (measured: 2x slower A0 inference).
        var sums = MemoryLayout.ToChannelsLast(nn.functional.avg_pool3d(nn.functional.pad(x, pad), window, step));
        var valid = ones(new[] { 1L, 1L, 1L, x.shape[3], x.shape[4] }, x.dtype, x.device);
        var fraction = nn.functional.avg_pool3d(nn.functional.pad(valid, pad), window, step);
        return sums.div(fraction).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// <see cref="Apply"/> in an exported model: ONNX's SAME_UPPER is TF's "same" (the extra cell after), and
    /// count_include_pad = 0 leaves padded cells out of the average, for whatever size the input has.
    /// </summary>
    public static OnnxFeature ExportOnnx(OnnxGraph g, string scope, OnnxFeature x, int kernel, int stride) =>
        new(g.Node("AveragePool", scope, [x.Value], OnnxGraph.Attribute("kernel_shape", 1L, kernel, kernel),
            OnnxGraph.Attribute("strides", 1L, stride, stride), OnnxGraph.Attribute("auto_pad", "SAME_UPPER"),
            OnnxGraph.Attribute("count_include_pad", 0L)), x.Channels, x.Scale * stride);
}
