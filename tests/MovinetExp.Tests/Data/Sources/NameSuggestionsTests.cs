using MovinetExp.Data.Sources;

namespace MovinetExp.Tests.Data.Sources;

public class NameSuggestionsTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("Rowing", "Rowing", 0)]
    [InlineData("Biking", "Bikign", 2)]
    public void DistanceIsLevenshtein(string a, string b, int expected)
    {
        Assert.Equal(expected, NameSuggestions.Distance(a, b));
        Assert.Equal(expected, NameSuggestions.Distance(b, a));
    }

    [Fact]
    public void SuggestsCloseNamesAndIgnoresCase()
    {
        string[] classes = ["Basketball", "Biking", "Fencing", "Punch", "Rowing"];
        Assert.Equal(["Biking"], NameSuggestions.For("biking", classes));
        Assert.Equal(["Basketball"], NameSuggestions.For("Baskettball", classes));
        Assert.Empty(NameSuggestions.For("Surfing", classes));
    }
}
