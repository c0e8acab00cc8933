using static TorchSharp.torch;

namespace MovinetExp.Numerics;

/// <summary>The implementations behind <see cref="ConvAlgorithm"/>; each returns the same values as
/// <c>conv3d(x, weight, bias, stride, padding, groups)</c>, in channels-last layout when the input is.</summary>
public static class ConvAlgorithms
{
    /// <summary>
    /// The algorithms that can compute <paramref name="problem"/>, preferred first. The preferences avoid
    /// what was seen wrong on AVX-512 (README, "Correct numbers on every CPU"): oneDNN's 1×1 kernel
    /// (brgconv_1x1) with more than one thread, so pointwise convolutions are matrix products; and its
    /// channels-last depthwise backward-data kernel, so depthwise training computes input gradients with
    /// forward kernels (NCDHW copies are the next choice: right, but 3-5x slower per layer).
    /// </summary>
    public static IReadOnlyList<ConvAlgorithm> For(ConvProblem problem) => problem.Kind switch
    {
        ConvKind.Pointwise => new[] { ConvAlgorithm.Gemm, ConvAlgorithm.Taps },
        ConvKind.Depthwise when problem.Pass == ConvPass.Training => KernelEnvironment.HasAvx512Kernels
            ? new[] { ConvAlgorithm.FlippedKernel, ConvAlgorithm.LibTorchContiguous, ConvAlgorithm.Taps }
            // Below AVX-512 oneDNN computes channels-last depthwise weight gradients (and, under AVX, the
            // forward too) with its generic gemm kernel: measured 2.6 s per layer under AVX2 where AVX-512's
            // kernels take 0.2 s, so the NCDHW copies stay first there.
            : new[] { ConvAlgorithm.LibTorchContiguous, ConvAlgorithm.FlippedKernel, ConvAlgorithm.Taps },
        _ => new[] { ConvAlgorithm.LibTorch, ConvAlgorithm.LibTorchContiguous, ConvAlgorithm.Taps },
    };

    public static Tensor Run(ConvAlgorithm algorithm, Tensor x, Tensor weight, Tensor? bias, ConvProblem problem) =>
        algorithm switch
        {
            ConvAlgorithm.LibTorch => nn.functional.conv3d(x, weight, bias, problem.Stride.ToArray(),
                problem.Padding.ToArray(), groups: problem.Groups),
            ConvAlgorithm.LibTorchContiguous => Contiguous(x, weight, bias, problem),
            ConvAlgorithm.Gemm => Pointwise(x, weight, bias, problem),
            ConvAlgorithm.FlippedKernel => FlippedKernel(x, weight, bias, problem),
            ConvAlgorithm.Taps => Taps(x, weight, bias, problem),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
        };

    /// <summary>LibTorch's conv3d on an NCDHW copy of the input (other oneDNN kernels than channels-last),
    /// the result returned in the input's layout.</summary>
    private static Tensor Contiguous(Tensor x, Tensor weight, Tensor? bias, ConvProblem problem)
    {
        using var scope = NewDisposeScope();
        var y = nn.functional.conv3d(x.contiguous(), weight, bias, problem.Stride.ToArray(), problem.Padding.ToArray(),
            groups: problem.Groups);
        return (problem.ChannelsLast ? MemoryLayout.ToChannelsLast(y) : y).MoveToOuterDisposeScope();
    }

    private static Tensor FlippedKernel(Tensor x, Tensor weight, Tensor? bias, ConvProblem problem)
    {
        if (problem.Kind != ConvKind.Depthwise)
            throw new ArgumentException($"FlippedKernel computes depthwise convolutions only, not {problem}.");
        bool gradients = is_grad_enabled() && (x.requires_grad || weight.requires_grad);
        return gradients
            ? FlippedKernelDepthwise.Apply(x, weight, bias, problem)
            : nn.functional.conv3d(x, weight, bias, problem.Stride.ToArray(), problem.Padding.ToArray(), groups: problem.Groups);
    }

    /// <summary>[B,Cin,T,H,W] → rows [B,T,H,W,Cin] (a view when channels-last) × weightᵀ → back to
    /// [B,Cout,T,H,W] channels-last. LibTorch's linear is one BLAS sgemm forward and two backward.</summary>
    private static Tensor Pointwise(Tensor x, Tensor weight, Tensor? bias, ConvProblem problem)
    {
        if (problem.Kind != ConvKind.Pointwise)
            throw new ArgumentException($"Gemm computes pointwise convolutions only, not {problem}.");
        using var scope = NewDisposeScope();
        var rows = x.permute(0, 2, 3, 4, 1);
        var y = nn.functional.linear(rows, weight.flatten(1), bias).permute(0, 4, 1, 2, 3);
        return (problem.ChannelsLast ? y : y.contiguous()).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Σ over kernel taps of the input slice each tap sees. Depthwise: one multiply-add per tap with the
    /// tap's per-channel weights. Otherwise the tap slices are stacked along channels (im2col) and
    /// multiplied by the weights with <see cref="Pointwise"/>, one group at a time.
    /// </summary>
    private static Tensor Taps(Tensor x, Tensor weight, Tensor? bias, ConvProblem problem)
    {
        using var scope = NewDisposeScope();
        var padded = problem.Padding == default ? x : nn.functional.pad(x, new[]
        {
            problem.Padding.W, problem.Padding.W, problem.Padding.H, problem.Padding.H, problem.Padding.T, problem.Padding.T,
        });
        var output = problem.Output;
        var k = problem.Kernel;
        var slices = new List<(Tensor Slice, long T, long H, long W)>();
        for (long t = 0; t < k.T; t++)
        for (long h = 0; h < k.H; h++)
        for (long w = 0; w < k.W; w++)
            slices.Add((padded
                .slice(2, t, t + (output.T - 1) * problem.Stride.T + 1, problem.Stride.T)
                .slice(3, h, h + (output.H - 1) * problem.Stride.H + 1, problem.Stride.H)
                .slice(4, w, w + (output.W - 1) * problem.Stride.W + 1, problem.Stride.W), t, h, w));

        Tensor y;
        if (problem.Kind == ConvKind.Depthwise)
        {
            y = zeros(new[] { problem.Batch, problem.OutChannels, output.T, output.H, output.W }, x.dtype, x.device);
            if (problem.ChannelsLast) y = MemoryLayout.ToChannelsLast(y);
            foreach (var (slice, t, h, w) in slices)
                y = y.addcmul(slice, weight[.., 0, t, h, w].view(1, -1, 1, 1, 1), Scalars.One);
            if (bias is not null) y = y.add(bias.view(1, -1, 1, 1, 1), Scalars.One);
        }
        else
        {
            // Tap-major channel order [tap][cin] per group, so weights [Cout, Cin/g, kt, kh, kw] are
            // permuted to [Cout, kt, kh, kw, Cin/g] to match.
            long inPerGroup = problem.InChannels / problem.Groups;
            long outPerGroup = problem.OutChannels / problem.Groups;
            var outputs = new List<Tensor>();
            for (long g = 0; g < problem.Groups; g++)
            {
                var columns = cat(slices.Select(s => s.Slice.narrow(1, g * inPerGroup, inPerGroup)).ToArray(), 1);
                var groupWeight = weight.narrow(0, g * outPerGroup, outPerGroup).permute(0, 2, 3, 4, 1)
                    .reshape(outPerGroup, -1, 1, 1, 1);
                var groupBias = bias?.narrow(0, g * outPerGroup, outPerGroup);
                var columnsProblem = problem with
                {
                    InChannels = columns.shape[1], OutChannels = outPerGroup, Groups = 1, Input = output,
                    Kernel = new Dims3(1, 1, 1), Stride = new Dims3(1, 1, 1), Padding = default,
                };
                outputs.Add(Pointwise(columns, groupWeight, groupBias, columnsProblem));
            }

            y = outputs.Count == 1 ? outputs[0] : cat(outputs.ToArray(), 1);
        }

        return (problem.ChannelsLast ? MemoryLayout.ToChannelsLast(y) : y.contiguous()).MoveToOuterDisposeScope();
    }
}
