using MovinetExp.Numerics;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Numerics;

/// <summary>The start-up check must see what the wrong kernels did: outputs off at the borders or in the
/// part another thread computes, wrong gradients anywhere, NaN from uninitialised memory.</summary>
public class ConvCheckTests
{
    private static readonly ConvProblem Depthwise = ConvProblems.Make(12, 12, 12, (4, 20, 20), (3, 3, 3), padding: (1, 1, 1),
        batch: 4, pass: ConvPass.Training);

    private static readonly ConvProblem Pointwise = ConvProblems.Make(24, 40, 1, (4, 20, 20), (1, 1, 1), batch: 4);

    private static Tensor Right(ConvProblem p, Tensor x, Tensor w, Tensor? b) => ConvAlgorithms.Run(ConvAlgorithm.Taps, x, w, b, p);

    [Theory]
    [InlineData(ConvCheckCoverage.Sampled)]
    [InlineData(ConvCheckCoverage.Full)]
    public void ARightAlgorithmPasses(ConvCheckCoverage coverage)
    {
        Assert.True(ConvCheck.Run(Depthwise, ConvAlgorithm.Taps, coverage).Passed);
        Assert.True(ConvCheck.Run(Pointwise, ConvAlgorithm.Gemm, coverage).Passed);
    }

    [Theory]
    [InlineData(0, 0, 0)]     // first clip, first frame, top-left corner
    [InlineData(3, 3, 19)]    // last clip, last frame, bottom-right corner
    [InlineData(3, 1, 10)]    // last clip, centre
    public void AWrongOutputBlockFails(long item, long frame, long row)
    {
        var result = ConvCheck.Run(Pointwise, ConvAlgorithm.Gemm, ConvCheckCoverage.Sampled, (x, w, b) =>
        {
            var y = Right(Pointwise, x, w, b);
            using var noGrad = no_grad();
            y[item, .., frame, row, ..].add_(0.5);
            return y;
        });
        Assert.False(result.Passed, $"an output row off by 0.5 passed: error {result.OutputError:E2}");
    }

    [Theory]
    [InlineData(0, 0)]   // top-left output, which reads the zero padding
    [InlineData(9, 9)]   // bottom-right output of a stride-2 layer
    public void AWrongBorderOutputOfAPaddedStridedLayerFails(long row, long column)
    {
        var strided = ConvProblems.Make(12, 12, 12, (4, 19, 19), (3, 3, 3), stride: 2, padding: (1, 1, 1), batch: 2);
        var right = ConvCheck.Run(strided, ConvAlgorithm.Taps);
        Assert.True(right.Passed, $"a right algorithm failed: error {right.OutputError:E2}");
        var result = ConvCheck.Run(strided, ConvAlgorithm.Taps, ConvCheckCoverage.Sampled, (x, w, b) =>
        {
            var y = Right(strided, x, w, b);
            using var noGrad = no_grad();
            y[1, .., 3, row, column].add_(0.5);
            return y;
        });
        Assert.False(result.Passed, $"a border output off by 0.5 passed: error {result.OutputError:E2}");
    }

    [Fact]
    public void AWrongInputGradientFailsThroughTheIdentity()
    {
        // Right forward values; the backward of the input scaled by 1.5 in the last clip only.
        var result = ConvCheck.Run(Depthwise, ConvAlgorithm.Taps, ConvCheckCoverage.Sampled, (x, w, b) =>
        {
            var mask = ones_like(x).index_fill_(0, tensor(new[] { 3L }), 1.5);
            var scaledX = x.mul(mask).sub(x.mul(mask.sub(1)).detach());
            return Right(Depthwise, scaledX, w, b);
        });
        Assert.True(result.OutputError < 1e-5);
        Assert.False(result.Passed, $"a wrong input gradient passed: dx identity {result.InputGradientError:E2}");
    }

    [Fact]
    public void AWrongInputGradientOfOneFrameOfALargeProblemFails()
    {
        // Large enough for the identity sums to be taken one [C,H,W] slice at a time: the wrong slice is
        // the last one (last clip, last frame).
        var large = ConvProblems.Make(16, 16, 16, (3, 96, 96), (1, 3, 3), padding: (0, 1, 1), batch: 2, pass: ConvPass.Training);
        var result = ConvCheck.Run(large, ConvAlgorithm.Taps, ConvCheckCoverage.Sampled, (x, w, b) =>
        {
            var mask = ones_like(x);
            mask[1, .., 2] = tensor(1.5f);
            var scaledX = x.mul(mask).sub(x.mul(mask.sub(1)).detach());
            return Right(large, scaledX, w, b);
        });
        Assert.True(result.OutputError < 1e-5);
        Assert.False(result.Passed, $"a wrong input gradient passed: dx identity {result.InputGradientError:E2}");
    }

    [Fact]
    public void AWrongWeightGradientFailsThroughTheIdentity()
    {
        var result = ConvCheck.Run(Depthwise, ConvAlgorithm.Taps, ConvCheckCoverage.Sampled, (x, w, b) =>
            Right(Depthwise, x, w.mul(2).sub(w.detach()), b));
        Assert.False(result.Passed, $"a wrong weight gradient passed: dw identity {result.WeightGradientError:E2}");
    }

    [Fact]
    public void NaNFails()
    {
        var result = ConvCheck.Run(Pointwise, ConvAlgorithm.Gemm, ConvCheckCoverage.Sampled, (x, w, b) =>
        {
            var y = Right(Pointwise, x, w, b);
            using var noGrad = no_grad();
            y[0, 0, 0, 0, 0] = float.NaN;
            return y;
        });
        Assert.False(result.Passed);
        Assert.Equal(double.PositiveInfinity, result.OutputError);
    }

    [Fact]
    public void CheckingLeavesTheGlobalRandomStreamAlone()
    {
        manual_seed(5);
        var before = rand(4);
        manual_seed(5);
        ConvCheck.Run(Pointwise, ConvAlgorithm.Gemm);
        Assert.Equal(before.data<float>().ToArray(), rand(4).data<float>().ToArray());
    }
}
