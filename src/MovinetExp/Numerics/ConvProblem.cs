using MovinetExp.Common;

using static TorchSharp.torch;

namespace MovinetExp.Numerics;

/// <summary>
/// One convolution as the native library sees it: everything that decides which kernel runs (shapes,
/// strides, padding, groups, bias, memory layout, whether gradients follow, thread count). Two calls
/// with equal problems run the same kernel, so a problem is what gets checked and routed.
/// </summary>
public sealed record ConvProblem(
    long Batch, long InChannels, long OutChannels, long Groups, Dims3 Input, Dims3 Kernel, Dims3 Stride,
    Dims3 Padding, bool Bias, bool ChannelsLast, ConvPass Pass, int Threads)
{
    /// <summary>The problem of <c>conv3d(x, weight, bias, stride, padding, groups)</c> as called now.</summary>
    public static ConvProblem Of(Tensor x, Tensor weight, Tensor? bias, long[] stride, long[] padding, long groups)
    {
        long[] s = x.shape;
        long[] k = weight.shape;
        bool gradients = is_grad_enabled() && (x.requires_grad || weight.requires_grad);
        return new ConvProblem(s[0], s[1], k[0], groups, new Dims3(s[2], s[3], s[4]), new Dims3(k[2], k[3], k[4]),
            Dims3.Of(stride), Dims3.Of(padding), bias is not null, MemoryLayout.IsChannelsLast(x),
            gradients ? ConvPass.Training : ConvPass.Forward, get_num_threads());
    }

    public ConvKind Kind =>
        Groups > 1 && Groups == InChannels && Groups == OutChannels ? ConvKind.Depthwise
        : Groups == 1 && Kernel == new Dims3(1, 1, 1) && Stride == new Dims3(1, 1, 1) && Padding == default
            ? ConvKind.Pointwise
            : ConvKind.Dense;

    /// <summary>Output size per axis: (in + 2·pad − kernel) / stride + 1.</summary>
    public Dims3 Output => new(
        (Input.T + 2 * Padding.T - Kernel.T) / Stride.T + 1,
        (Input.H + 2 * Padding.H - Kernel.H) / Stride.H + 1,
        (Input.W + 2 * Padding.W - Kernel.W) / Stride.W + 1);

    /// <summary>Multiply-adds of the forward pass.</summary>
    public long MultiplyAdds => Batch * OutChannels * Output.Volume * (InChannels / Groups) * Kernel.Volume;

    public override string ToString() =>
        $"{EnumNames.Of(Kind)} {InChannels}->{OutChannels}" + (Groups > 1 ? $" g{Groups}" : "") +
        $" k{Kernel} s{Stride} p{Padding} | batch {Batch}, in {Input}" + (Bias ? ", bias" : "") +
        $" | {(ChannelsLast ? "channels-last" : "contiguous")}, {EnumNames.Of(Pass)}, {Threads} thread" +
        (Threads == 1 ? "" : "s");
}
