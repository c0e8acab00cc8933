using MovinetExp.Models;

namespace MovinetExp.Tests.Models;

public class ChannelMathTests
{
    // ../shared/design/movinet-architecture.md §2.4 examples: base / stream SE widths.
    [Theory]
    [InlineData(24, 8, 16)]
    [InlineData(184, 48, 96)]
    [InlineData(344, 88, 176)]
    [InlineData(80, 24, 40)]
    [InlineData(112, 32, 56)]
    public void SqueezeExcitationWidths(int expansion, int baseWidth, int streamWidth)
    {
        Assert.Equal(baseWidth, ChannelMath.SqueezeExcitationWidth(expansion, SeType.ThreeD));
        Assert.Equal(streamWidth, ChannelMath.SqueezeExcitationWidth(expansion, SeType.TwoPlusThreeD));
    }

    [Theory]
    [InlineData(3.0, 8)] // never below the divisor
    [InlineData(12.0, 16)] // (12 + 4) // 8 · 8
    [InlineData(60.0, 64)]
    [InlineData(11.9, 16)] // rounds to 8, but 8 < 0.9 · 11.9 = 10.71, so the 10% rule adds one step
    public void MakeDivisibleRoundsToMultiplesOfEight(double value, int expected) =>
        Assert.Equal(expected, ChannelMath.MakeDivisible(value));
}
