using MovinetExp.Numerics;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Numerics;

/// <summary>The sums behind the gradient identities of the start-up check, against float64 on whole
/// tensors, in both layouts, with and without bias, below and above the size where it slices.</summary>
public class InnerProductsTests
{
    [Theory]
    [InlineData(2, 8, 3, 20, 20, false, false)]     // small: one pass over the whole
    [InlineData(2, 24, 3, 150, 150, true, true)]    // 3.2M elements: one [C,H,W] slice at a time
    [InlineData(3, 24, 2, 150, 150, false, true)]   // slices, the first operand contiguous, the second channels-last
    [InlineData(3, 24, 2, 150, 150, true, false)]
    public void SumsMatchFloat64(long b, long c, long t, long h, long w, bool firstChannelsLast, bool secondChannelsLast)
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(11);
        var shape = new[] { b, c, t, h, w };
        var a = randn(shape, generator: generator);
        var other = randn(shape, generator: generator);
        var bias = randn(new[] { c }, generator: generator);
        if (firstChannelsLast) a = MemoryLayout.ToChannelsLast(a);
        if (secondChannelsLast) other = MemoryLayout.ToChannelsLast(other);

        var product64 = a.to(float64).mul(other.to(float64).sub(bias.to(float64).view(1, -1, 1, 1, 1)));
        double sum64 = product64.sum().item<double>(), squares64 = product64.square().sum().item<double>();
        var (sum, squares) = InnerProducts.Of(a, other, bias);
        // Float32 products: each off by ≤ 6e-8 relative, so the sum by far less than 1e-6 of the norm.
        double norm = Math.Sqrt(squares64);
        Assert.True(Math.Abs(sum - sum64) <= 1e-6 * norm, $"sum {sum} vs float64 {sum64} (norm {norm})");
        Assert.True(Math.Abs(squares - squares64) <= 1e-6 * squares64, $"sum of squares {squares} vs {squares64}");

        double plain64 = a.to(float64).mul(other.to(float64)).sum().item<double>();
        Assert.True(Math.Abs(InnerProducts.Of(a, other).Sum - plain64) <= 1e-6 * norm);
    }

    [Fact]
    public void DifferentShapesAreRefused() =>
        Assert.Throws<ArgumentException>(() => InnerProducts.Of(zeros(new long[] { 1, 2, 3, 4, 5 }), zeros(new long[] { 1, 2, 3, 4, 6 })));
}
