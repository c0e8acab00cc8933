using MovinetExp.Data.Sources;

namespace MovinetExp.Tests.Data.Sources;

public class NameSuggestionsTests
{
    [Fact]
    public void SuggestsCloseNamesAndIgnoresCase()
    {
        string[] classes = ["Basketball", "Biking", "Fencing", "Punch", "Rowing"];
        Assert.Equal(["Biking"], NameSuggestions.For("biking", classes));
        Assert.Equal(["Basketball"], NameSuggestions.For("Baskettball", classes));
        Assert.Empty(NameSuggestions.For("Surfing", classes));
    }

    [Fact]
    public void SwappedLettersCountAsOneEdit()
    {
        // Two swaps in a seven-letter name: two edits, within the limit of 2 (plain Levenshtein would count 4).
        string[] classes = ["Basketball", "Biking", "Fencing", "Punch", "Rowing"];
        Assert.Equal(["Fencing"], NameSuggestions.For("Fecnign", classes));
    }
}
