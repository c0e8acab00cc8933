using MovinetExp.Numerics;

namespace MovinetExp.Tests.Numerics;

/// <summary>Our own algorithms (BLAS matrix products, tap sums, NCDHW copies) compute conv3d: every output
/// and gradient element against float64 LibTorch conv3d on contiguous tensors.</summary>
public class ConvAlgorithmsTests
{
    [Theory]
    [MemberData(nameof(ConvProblems.Names), MemberType = typeof(ConvProblems))]
    public void TapsEqualsFloat64ConvolutionForwardAndBackward(string name)
    {
        foreach (var pass in new[] { ConvPass.Forward, ConvPass.Training })
            AssertCorrect(ConvProblems.Named(name, pass), ConvAlgorithm.Taps);
    }

    [Theory]
    [InlineData("pointwise")]
    [InlineData("pointwise-bias-contiguous")]
    public void GemmEqualsFloat64ConvolutionForwardAndBackward(string name)
    {
        foreach (var pass in new[] { ConvPass.Forward, ConvPass.Training })
            AssertCorrect(ConvProblems.Named(name, pass), ConvAlgorithm.Gemm);
    }

    /// <summary>The input gradient as a forward convolution of the spread, padded output gradient with the
    /// flipped kernel: strides that do not divide the padded size (even and odd sizes, so the last window
    /// leaves rows unread), temporal padding, bias, both layouts.</summary>
    [Theory]
    [InlineData("depthwise-3x3x3")]
    [InlineData("depthwise-1x5x5-s2")]
    [InlineData("depthwise-5x1x1-causal")]
    [InlineData("depthwise-3x3x3-s2-even")]
    [InlineData("depthwise-5x3x3-s2-odd-contiguous")]
    public void FlippedKernelEqualsFloat64ConvolutionForwardAndBackward(string name)
    {
        var problem = name switch
        {
            "depthwise-3x3x3-s2-even" => ConvProblems.Make(6, 6, 6, (4, 10, 10), (3, 3, 3), stride: 2, padding: (1, 0, 0), batch: 3),
            "depthwise-5x3x3-s2-odd-contiguous" => ConvProblems.Make(5, 5, 5, (6, 9, 9), (5, 3, 3), stride: 2,
                padding: (2, 1, 1), bias: true, channelsLast: false),
            _ => ConvProblems.Named(name, ConvPass.Training),
        };
        foreach (var pass in new[] { ConvPass.Forward, ConvPass.Training })
            AssertCorrect(problem with { Pass = pass }, ConvAlgorithm.FlippedKernel);
    }

    [Fact]
    public void FlippedKernelRefusesWhatIsNotDepthwise() =>
        Assert.Throws<ArgumentException>(() => ConvCheck.Run(ConvProblems.Named("pointwise", ConvPass.Training), ConvAlgorithm.FlippedKernel));

    [Theory]
    [MemberData(nameof(ConvProblems.Names), MemberType = typeof(ConvProblems))]
    public void EveryAlgorithmKeepsTheInputLayoutAndShape(string name)
    {
        var problem = ConvProblems.Named(name, ConvPass.Forward);
        foreach (var algorithm in ConvAlgorithms.For(problem))
        {
            using var scope = TorchSharp.torch.NewDisposeScope();
            var x = TorchSharp.torch.rand(new[] { problem.Batch, problem.InChannels, problem.Input.T, problem.Input.H, problem.Input.W });
            if (problem.ChannelsLast) x = MemoryLayout.ToChannelsLast(x);
            var weight = TorchSharp.torch.rand(new[] { problem.OutChannels, problem.InChannels / problem.Groups,
                problem.Kernel.T, problem.Kernel.H, problem.Kernel.W });
            var y = ConvAlgorithms.Run(algorithm, x, weight, problem.Bias ? TorchSharp.torch.rand(new[] { problem.OutChannels }) : null, problem);
            Assert.Equal(new[] { problem.Batch, problem.OutChannels, problem.Output.T, problem.Output.H, problem.Output.W }, y.shape);
            Assert.True(problem.ChannelsLast ? MemoryLayout.IsChannelsLast(y) : y.is_contiguous(),
                $"{algorithm} returned strides [{string.Join(",", y.stride())}] for a {(problem.ChannelsLast ? "channels-last" : "contiguous")} input");
        }
    }

    [Fact]
    public void GemmRefusesWhatIsNotPointwise() =>
        Assert.Throws<ArgumentException>(() => ConvCheck.Run(ConvProblems.Named("depthwise-3x3x3", ConvPass.Forward), ConvAlgorithm.Gemm));

    private static void AssertCorrect(ConvProblem problem, ConvAlgorithm algorithm)
    {
        var result = ConvCheck.Run(problem, algorithm, ConvCheckCoverage.Full);
        Assert.True(result.Passed, $"{algorithm} on {problem}: output {result.OutputError:E2}, " +
            $"dx {result.InputGradientError:E2}, dw {result.WeightGradientError:E2}");
        Assert.True(result.WorstError < 1e-5, $"{algorithm} on {problem}: error {result.WorstError:E2} is larger than float32 rounding");
    }
}
