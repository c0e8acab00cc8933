using static TorchSharp.torch;

namespace MovinetExp.Numerics;

/// <summary>
/// A depthwise convolution for training that never calls oneDNN's depthwise backward-data kernel, which
/// gives wrong input gradients for channels-last tensors (README, "Correct numbers on every CPU"). The input
/// gradient of a convolution is the full correlation of the output gradient with the kernel: a forward
/// depthwise convolution of that gradient (zero-stuffed between elements when the stride is above one)
/// with the kernel flipped in every axis. That forward goes through <see cref="Conv3dOp"/>, so it is a
/// problem of its own, checked and routed like any other; oneDNN's channels-last forward and
/// backward-weights kernels are right and several times faster than the NCDHW ones.
/// </summary>
internal sealed class FlippedKernelDepthwise : autograd.SingleTensorFunction<FlippedKernelDepthwise>
{
    public override string Name => nameof(FlippedKernelDepthwise);

    /// <summary>The convolution with the gradients described above (x, weight, bias; bias may be null).</summary>
    public static Tensor Apply(Tensor x, Tensor weight, Tensor? bias, ConvProblem problem)
    {
        // TorchSharp keeps an uninitialised copy of every output (empty_like) to materialise missing
        // gradients; materialising is switched off in forward, so the copy is released with this scope
        // instead of doubling the memory of each depthwise activation until the graph is freed.
        using var scope = NewDisposeScope();
        return apply(x, weight, bias, problem).MoveToOuterDisposeScope();
    }

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var (x, weight, bias, problem) = Unpack(vars);
        ctx.set_materialize_grads(false);
        ctx.save_for_backward(new List<Tensor> { x, weight });
        ctx.save_data(nameof(ConvProblem), problem);
        ctx.save_data("bias", bias is not null);
        ctx.save_data("inputGradient", x.requires_grad);
        ctx.save_data("weightGradient", weight.requires_grad);
        return nn.functional.conv3d(x, weight, bias, problem.Stride.ToArray(), problem.Padding.ToArray(),
            groups: problem.Groups);
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor outputGradient)
    {
        // An output that no loss depends on has no gradient (not materialised, see Apply): nor do the inputs.
        if (outputGradient is null || outputGradient.IsInvalid) return new List<Tensor> { null!, null!, null!, null! };
        using var scope = NewDisposeScope();
        var saved = ctx.get_saved_variables();
        var (x, weight) = (saved[0], saved[1]);
        var problem = (ConvProblem)ctx.get_data(nameof(ConvProblem));
        bool hasBias = (bool)ctx.get_data("bias");
        var inputGradient = (bool)ctx.get_data("inputGradient") ? InputGradient(outputGradient, weight, problem) : null;
        var weightGradient = (bool)ctx.get_data("weightGradient") ? WeightGradient(x, weight, outputGradient, problem) : null;
        var biasGradient = hasBias ? outputGradient.sum(new long[] { 0, 2, 3, 4 }) : null;
        return new List<Tensor>
        {
            inputGradient?.MoveToOuterDisposeScope()!, weightGradient?.MoveToOuterDisposeScope()!,
            biasGradient?.MoveToOuterDisposeScope()!, null!, // the problem, not a tensor
        };
    }

    /// <summary>
    /// dL/dx[i] = Σ over outputs o and taps j with o·s + j = i + p of gy[o]·w[j]: gy spread to stride s
    /// (zeros between), padded by k−1−p before and by k−1−p plus the input rows the last window did not
    /// reach after, then correlated with the flipped kernel at stride 1.
    /// </summary>
    private static Tensor InputGradient(Tensor outputGradient, Tensor weight, ConvProblem p)
    {
        using var noGrad = no_grad();
        var flipped = weight.detach().flip(2, 3, 4);
        var unit = new long[] { 1, 1, 1 };
        var before = new Dims3(p.Kernel.T - 1 - p.Padding.T, p.Kernel.H - 1 - p.Padding.H, p.Kernel.W - 1 - p.Padding.W);
        var output = p.Output;
        var after = new Dims3(
            before.T + Unreached(p.Input.T, p.Padding.T, p.Kernel.T, p.Stride.T, output.T),
            before.H + Unreached(p.Input.H, p.Padding.H, p.Kernel.H, p.Stride.H, output.H),
            before.W + Unreached(p.Input.W, p.Padding.W, p.Kernel.W, p.Stride.W, output.W));
        if (before.T < 0 || before.H < 0 || before.W < 0)
            throw new ArgumentException($"FlippedKernel needs padding below the kernel size, not {p}.");
        if (p.Stride == new Dims3(1, 1, 1) && before == after)
            return Conv3dOp.Apply(outputGradient, flipped, null, unit, before.ToArray(), p.Groups);
        return Conv3dOp.Apply(SpreadAndPad(outputGradient, p, before, after), flipped, null, unit, new long[] { 0, 0, 0 },
            p.Groups);
    }

    /// <summary>The output gradient with s−1 zeros between neighbours along every axis of stride s, and
    /// the given zeros before and after, written in one pass into a zeroed tensor of the input's layout
    /// (LibTorch's pad on channels-last tensors is many times slower).</summary>
    private static Tensor SpreadAndPad(Tensor outputGradient, ConvProblem p, Dims3 before, Dims3 after)
    {
        var o = p.Output;
        long Size(long outputs, long stride, long first, long last) => first + (outputs - 1) * stride + 1 + last;
        var result = MemoryLayout.Zeros(new[] { p.Batch, p.OutChannels, Size(o.T, p.Stride.T, before.T, after.T),
            Size(o.H, p.Stride.H, before.H, after.H), Size(o.W, p.Stride.W, before.W, after.W) },
            p.ChannelsLast, outputGradient);
        result.slice(2, before.T, before.T + (o.T - 1) * p.Stride.T + 1, p.Stride.T)
            .slice(3, before.H, before.H + (o.H - 1) * p.Stride.H + 1, p.Stride.H)
            .slice(4, before.W, before.W + (o.W - 1) * p.Stride.W + 1, p.Stride.W)
            .copy_(outputGradient);
        return result;
    }

    /// <summary>Padded input positions after the last window (when the stride does not divide evenly).</summary>
    private static long Unreached(long input, long padding, long kernel, long stride, long output) =>
        input + 2 * padding - ((output - 1) * stride + kernel);

    /// <summary>oneDNN's backward-weights kernel alone: the forward again with only the weights requiring
    /// gradients, so LibTorch asks for no input gradient.</summary>
    private static Tensor WeightGradient(Tensor x, Tensor weight, Tensor outputGradient, ConvProblem p)
    {
        using var grad = enable_grad();
        var leaf = weight.detach().requires_grad_(true);
        var y = nn.functional.conv3d(x.detach(), leaf, null, p.Stride.ToArray(), p.Padding.ToArray(), groups: p.Groups);
        return autograd.grad(new[] { y }, new[] { leaf }, new[] { outputGradient })[0];
    }

    private static (Tensor X, Tensor Weight, Tensor? Bias, ConvProblem Problem) Unpack(object[] vars) =>
        ((Tensor)vars[0], (Tensor)vars[1], vars[2] as Tensor, (ConvProblem)vars[3]);
}
