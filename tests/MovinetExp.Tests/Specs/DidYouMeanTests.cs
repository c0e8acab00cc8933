using MovinetExp.Common;

namespace MovinetExp.Tests.Specs;

public class DidYouMeanTests
{
    [Theory]
    [InlineData("framez", "frames")]
    [InlineData("frame_stepp", "frame_step")]
    [InlineData("Frames", "frames")]
    [InlineData("colour", null)]
    public void SuggestsOnlyPlausibleNames(string typed, string? expected)
    {
        Assert.Equal(expected, DidYouMean.Suggest(typed, new[] { "frames", "frame_step", "cache", "resolution" }));
    }
}
