using MovinetExp.Common;

namespace MovinetExp.Tests.Common;

public class EditDistanceTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("", "abc", 3)] // three insertions
    [InlineData("Rowing", "Rowing", 0)]
    [InlineData("a", "A", 1)] // case counts; callers lower-case when it should not
    [InlineData("kitten", "sitting", 3)] // the textbook example: k->s, e->i, +g
    [InlineData("frames", "framez", 1)]
    [InlineData("flaw", "lawn", 2)] // -f, +n
    [InlineData("trian", "train", 1)] // one transposition (plain Levenshtein: 2)
    [InlineData("Biking", "Bikign", 1)]
    [InlineData("Fecnign", "Fencing", 2)] // two separate transpositions (plain Levenshtein: 4)
    [InlineData("abcdef", "badcfe", 3)] // three adjacent pairs swapped
    [InlineData("ca", "abc", 3)] // optimal string alignment does not edit a transposed pair again (unrestricted Damerau: 2)
    public void CountsInsertionsDeletionsSubstitutionsAndAdjacentTranspositions(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Between(a, b));
        Assert.Equal(expected, EditDistance.Between(b, a));
    }
}
