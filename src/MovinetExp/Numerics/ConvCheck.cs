using TorchSharp;
using static TorchSharp.torch;

namespace MovinetExp.Numerics;

/// <summary>
/// Runs one algorithm on one problem with seeded random data at the problem's real shape and layout,
/// and compares it with the same convolution in float64 on contiguous tensors (LibTorch's reference
/// CPU convolution: oneDNN does not take float64, so no oneDNN kernel is involved). Training problems
/// also check the input and weight gradients. <see cref="ConvCheckCoverage.Sampled"/> (start-up) recomputes
/// parts of the output and checks the gradients through an identity; <see cref="ConvCheckCoverage.Full"/>
/// (doctor --full, the tests) recomputes everything. The data come from <see cref="CheckData"/> and a
/// private generator: checking never moves the global random stream that training draws from.
/// </summary>
public static class ConvCheck
{
    public static ConvCheckResult Run(ConvProblem problem, ConvAlgorithm algorithm,
        ConvCheckCoverage coverage = ConvCheckCoverage.Sampled) =>
        Run(problem, algorithm, coverage, (x, weight, bias) => ConvAlgorithms.Run(algorithm, x, weight, bias, problem));

    /// <summary>Checks <paramref name="compute"/> as if it were <paramref name="algorithm"/> (tests inject
    /// wrong implementations here to see the check fail).</summary>
    internal static ConvCheckResult Run(ConvProblem problem, ConvAlgorithm algorithm, ConvCheckCoverage coverage,
        Func<Tensor, Tensor, Tensor?, Tensor> compute)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var scope = NewDisposeScope();
        bool training = problem.Pass == ConvPass.Training;
        using var gradMode = training ? enable_grad() : no_grad();
        using var generator = new Generator((ulong)StableSeed(problem));
        var (x, weight, bias) = RandomOperands(problem, generator);
        if (training)
        {
            x.requires_grad_(true);
            weight.requires_grad_(true);
        }

        var output = compute(x, weight, bias);
        if (coverage == ConvCheckCoverage.Full)
            return FullCheck(problem, algorithm, x, weight, bias, output, clock);
        double outputError = SampledOutputError(problem, x, weight, bias, output);
        if (!training) return new ConvCheckResult(problem, algorithm, outputError, null, null, clock.Elapsed.TotalSeconds);

        var outputGradient = RandomOutputGradient(problem, output);
        var gradients = autograd.grad(new[] { output }, new[] { x, weight }, new[] { outputGradient });
        // Without bias the convolution is linear in x and in w, so <gy, y> = <dL/dx, x> = <dL/dw, w> for
        // the gradients of L = <gy, y>. Checking both identities covers every element of both gradients at
        // the cost of a few elementwise passes.
        var (expected, squares) = InnerProducts.Of(outputGradient, output.detach(), bias);
        double scale = Math.Max(Math.Sqrt(squares), 1e-12);
        double Identity(Tensor gradient, Tensor operand) =>
            Finite(Math.Abs(InnerProducts.Of(gradient, operand.detach()).Sum - expected) / scale);
        return new ConvCheckResult(problem, algorithm, outputError, Identity(gradients[0], x), Identity(gradients[1], weight),
            clock.Elapsed.TotalSeconds);
    }

    /// <summary>Every output element, and both gradients element by element, against float64 autograd.</summary>
    private static ConvCheckResult FullCheck(ConvProblem problem, ConvAlgorithm algorithm, Tensor x, Tensor weight,
        Tensor? bias, Tensor output, System.Diagnostics.Stopwatch clock)
    {
        bool training = problem.Pass == ConvPass.Training;
        var x64 = x.detach().contiguous().to(float64).requires_grad_(training);
        var weight64 = weight.detach().to(float64).requires_grad_(training);
        var output64 = nn.functional.conv3d(x64, weight64, bias?.to(float64), problem.Stride.ToArray(),
            problem.Padding.ToArray(), groups: problem.Groups);
        double outputError = RelativeError(output, output64);
        if (!training) return new ConvCheckResult(problem, algorithm, outputError, null, null, clock.Elapsed.TotalSeconds);
        var outputGradient = RandomOutputGradient(problem, output);
        var gradients = autograd.grad(new[] { output }, new[] { x, weight }, new[] { outputGradient });
        var gradients64 = autograd.grad(new[] { output64 }, new[] { x64, weight64 }, new[] { outputGradient.contiguous().to(float64) });
        return new ConvCheckResult(problem, algorithm, outputError, RelativeError(gradients[0], gradients64[0]),
            RelativeError(gradients[1], gradients64[1]), clock.Elapsed.TotalSeconds);
    }

    /// <summary>Its own stretch of the check data: another offset than the input's.</summary>
    private static Tensor RandomOutputGradient(ConvProblem problem, Tensor output) =>
        CheckData.Uniform(output.shape, problem.ChannelsLast, StableSeed(problem) ^ 0x5DEECE66DL);

    /// <summary>
    /// The output blocks the float64 reference recomputes: the first and last clip of the batch, every
    /// frame, and up to three spatial windows of 8×8 outputs (top-left corner, centre, bottom-right corner:
    /// the borders where padding is handled and the parts other threads compute); for depthwise problems
    /// five channels spread over the range. LibTorch computes float64 depthwise convolutions one channel
    /// at a time, and whole early layers in float64 take seconds, so a full reference is for the tests.
    /// The windows are equally large (all clipped alike where the output is smaller than 8), so their
    /// input patches are stacked along the batch axis and recomputed in one float64 convolution.
    /// </summary>
    private static double SampledOutputError(ConvProblem p, Tensor x, Tensor weight, Tensor? bias, Tensor output)
    {
        const long window = 8;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var size = p.Output;
        var items = tensor(p.Batch == 1 ? new[] { 0L } : new[] { 0L, p.Batch - 1 });
        var channels = p.Kind == ConvKind.Depthwise
            ? tensor(Enumerable.Range(0, 5).Select(i => (long)Math.Round(i * (p.InChannels - 1) / 4.0)).Distinct().ToArray())
            : null;
        var starts = new HashSet<(long H, long W)>
        {
            (0, 0),
            (Math.Max(0, (size.H - window) / 2), Math.Max(0, (size.W - window) / 2)),
            (Math.Max(0, size.H - window), Math.Max(0, size.W - window)),
        };
        long height = Math.Min(window, size.H), width = Math.Min(window, size.W);

        var input = x.detach().index_select(0, items);
        var actual = output.detach().index_select(0, items);
        if (channels is not null)
        {
            input = input.index_select(1, channels);
            actual = actual.index_select(1, channels);
        }

        // Each window's input patch, cut before it is converted and padded: converting the whole layer
        // to float64 costs more than the reference itself.
        var patches = starts.Select(start => PaddedWindow(input, p, start.H, height, start.W, width).to(float64)).ToList();
        var blocks = starts.Select(start => actual.narrow(3, start.H, height).narrow(4, start.W, width)).ToList();
        var weight64 = (channels is null ? weight.detach() : weight.detach().index_select(0, channels)).to(float64);
        var bias64 = bias is null ? null : (channels is null ? bias : bias.index_select(0, channels)).to(float64);
        var reference = nn.functional.conv3d(cat(patches, 0), weight64, bias64, p.Stride.ToArray(), new long[] { 0, 0, 0 },
            groups: channels is null ? p.Groups : channels.shape[0]);
        return RelativeError(cat(blocks, 0), reference);
    }

    /// <summary>The input the outputs [h, h+height) × [w, w+width) read, with the problem's zero padding
    /// (every frame, padded in time as the convolution pads it).</summary>
    private static Tensor PaddedWindow(Tensor input, ConvProblem p, long h, long height, long w, long width)
    {
        long rowStart = h * p.Stride.H - p.Padding.H, rows = (height - 1) * p.Stride.H + p.Kernel.H;
        long colStart = w * p.Stride.W - p.Padding.W, cols = (width - 1) * p.Stride.W + p.Kernel.W;
        long rowFrom = Math.Max(0, rowStart), rowTo = Math.Min(input.shape[3], rowStart + rows);
        long colFrom = Math.Max(0, colStart), colTo = Math.Min(input.shape[4], colStart + cols);
        var patch = input.narrow(3, rowFrom, rowTo - rowFrom).narrow(4, colFrom, colTo - colFrom);
        return nn.functional.pad(patch, new[]
        {
            colFrom - colStart, colStart + cols - colTo,
            rowFrom - rowStart, rowStart + rows - rowTo,
            p.Padding.T, p.Padding.T,
        });
    }

    /// <summary>Input in [-0.5, 0.5) (<see cref="CheckData"/>), weights scaled by 1/√fan-in, so every output
    /// is of order one.</summary>
    private static (Tensor X, Tensor Weight, Tensor? Bias) RandomOperands(ConvProblem p, Generator generator)
    {
        var x = CheckData.Uniform(new[] { p.Batch, p.InChannels, p.Input.T, p.Input.H, p.Input.W }, p.ChannelsLast,
            StableSeed(p));
        long fanIn = p.InChannels / p.Groups * p.Kernel.Volume;
        using var scale = (1.0 / Math.Sqrt(fanIn)).ToScalar();
        var weight = randn(new[] { p.OutChannels, p.InChannels / p.Groups, p.Kernel.T, p.Kernel.H, p.Kernel.W },
            generator: generator).mul_(scale);
        var bias = p.Bias ? randn(new[] { p.OutChannels }, generator: generator) : null;
        return (x, weight, bias);
    }

    private static double RelativeError(Tensor actual, Tensor reference)
    {
        using var scope = NewDisposeScope();
        var difference = actual.detach().to(float64).sub(reference.detach());
        double scale = reference.detach().abs().max().item<double>();
        return Finite(difference.abs().max().item<double>() / Math.Max(scale, 1e-12));
    }

    /// <summary>NaN (uninitialised memory, say) must fail a check, not compare false with every bound.</summary>
    private static double Finite(double error) => double.IsFinite(error) ? error : double.PositiveInfinity;

    /// <summary>A seed that depends only on the problem, so a check gives the same verdict every run.</summary>
    private static long StableSeed(ConvProblem problem)
    {
        ulong hash = 14695981039346656037;
        foreach (char c in problem.ToString()) hash = (hash ^ c) * 1099511628211;
        return (long)(hash >> 1);
    }
}
