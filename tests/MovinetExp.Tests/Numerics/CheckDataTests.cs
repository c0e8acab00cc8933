using MovinetExp.Numerics;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Numerics;

/// <summary>The start-up check's random activations: the same values for a problem in every process
/// (whatever was checked before), exactly the strides of a tensor made in the layout, aligned, in range.</summary>
public class CheckDataTests
{
    private static readonly long[] Shape = { 2, 24, 3, 30, 30 };

    [Fact]
    public void AProblemGetsTheSameValuesAfterTheBufferGrew()
    {
        using var scope = NewDisposeScope();
        var before = CheckData.Uniform(Shape, channelsLast: true, key: 123456789).clone();
        // Far beyond anything asked before in this process: the buffer grows.
        CheckData.Uniform(new long[] { 1, 1, 1, 1, 9_000_000 }, channelsLast: false, key: 1);
        var after = CheckData.Uniform(Shape, channelsLast: true, key: 123456789);
        Assert.True(before.eq(after).all().item<bool>(), "values changed when the buffer grew");
        Assert.False(after.eq(CheckData.Uniform(Shape, channelsLast: true, key: 987654321)).all().item<bool>(),
            "two keys gave the same values");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void LayoutAlignmentAndRangeAreThoseOfAFreshTensor(bool channelsLast)
    {
        using var scope = NewDisposeScope();
        var data = CheckData.Uniform(Shape, channelsLast, key: 42);
        var fresh = channelsLast ? MemoryLayout.ToChannelsLast(zeros(Shape)) : zeros(Shape);
        Assert.Equal(fresh.stride(), data.stride());
        Assert.Equal(Shape, data.shape);
        Assert.Equal(0, data.storage_offset() % 16);
        Assert.True(data.min().item<float>() >= -0.5f && data.max().item<float>() < 0.5f);
        Assert.InRange(data.std().item<float>(), 0.27f, 0.31f); // uniform on [-0.5, 0.5): 1/√12 ≈ 0.289
    }
}
