using MovinetExp.Specs;

namespace MovinetExp.Tests.Specs;

public class DidYouMeanTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)] // the textbook example: k->s, e->i, +g
    [InlineData("frames", "framez", 1)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("trian", "train", 1)] // one transposition
    [InlineData("ca", "abc", 3)] // optimal string alignment does not edit a transposed pair again
    public void DistanceIsTheEditDistanceWithTranspositions(string a, string b, int expected)
    {
        Assert.Equal(expected, DidYouMean.Distance(a, b));
        Assert.Equal(expected, DidYouMean.Distance(b, a));
    }

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
