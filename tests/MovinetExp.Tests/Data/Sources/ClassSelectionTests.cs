using MovinetExp.Common;
using MovinetExp.Data.Sources;

namespace MovinetExp.Tests.Data.Sources;

public class ClassSelectionTests
{
    private static readonly string[] Available = ["Rowing", "Basketball", "biking", "Biking", "Punch"];

    [Fact]
    public void ByCountTakesTheFirstInOrdinalOrder()
    {
        // Ordinal order puts upper case before lower case, like the UCF101 zip listing.
        Assert.Equal(["Basketball", "Biking", "Punch"], ClassSelection.FirstN(3).Resolve(Available, "test set"));
        Assert.Equal(["Basketball", "Biking", "Punch", "Rowing", "biking"], ClassSelection.FirstN(5).Resolve(Available, "test set"));
    }

    [Fact]
    public void TooManyClassesIsADataException()
    {
        var ex = Assert.Throws<DataException>(() => ClassSelection.FirstN(6).Resolve(Available, "test set"));
        Assert.Contains("test set has 5 classes but 6", ex.Message);
    }

    [Fact]
    public void ByNamesKeepsTheGivenOrder()
    {
        Assert.Equal(["Rowing", "Punch"], ClassSelection.Named(["Rowing", "Punch"]).Resolve(Available, "test set"));
    }

    [Fact]
    public void UnknownNamesListTheAvailableClassesWithSuggestions()
    {
        var ex = Assert.Throws<DataException>(() => ClassSelection.Named(["Rowng", "Punch", "Surfing"]).Resolve(Available, "folder '/d'"));
        Assert.Contains("'Rowng' (did you mean 'Rowing'?)", ex.Message);
        Assert.Contains("'Surfing'", ex.Message);
        Assert.DoesNotContain("'Punch'", ex.Message.Split("Available")[0]);
        Assert.Contains("folder '/d'", ex.Message);
        Assert.Contains("Available classes (5): Basketball, Biking, Punch, Rowing, biking", ex.Message);
    }

    [Fact]
    public void DuplicateNamesAreADataException()
    {
        var ex = Assert.Throws<DataException>(() => ClassSelection.Named(["Punch", "Punch"]).Resolve(Available, "test set"));
        Assert.Contains("'Punch' is listed more than once", ex.Message);
    }

    [Fact]
    public void CountIsTheNumberOfClassesEitherFormYields()
    {
        Assert.Equal(4, ClassSelection.FirstN(4).Count);
        Assert.Equal(2, ClassSelection.Named(["Rowing", "Punch"]).Count);
    }

    [Fact]
    public void DuplicateNameIsTheFirstRepeatedNameComparedOrdinally()
    {
        Assert.Equal("Punch", ClassSelection.Named(["Punch", "Rowing", "Rowing", "Punch"]).DuplicateName);
        Assert.Null(ClassSelection.Named(["Biking", "biking"]).DuplicateName);
        Assert.Null(ClassSelection.FirstN(3).DuplicateName);
    }

    [Fact]
    public void EqualityComparesTheNamesNotTheListInstance()
    {
        Assert.Equal(ClassSelection.Named(["Rowing", "Punch"]), ClassSelection.Named(new List<string> { "Rowing", "Punch" }));
        Assert.NotEqual(ClassSelection.Named(["Rowing", "Punch"]), ClassSelection.Named(["Punch", "Rowing"]));
        Assert.NotEqual(ClassSelection.FirstN(2), ClassSelection.Named(["Rowing", "Punch"]));
        Assert.Equal(ClassSelection.FirstN(2).GetHashCode(), ClassSelection.FirstN(2).GetHashCode());
    }
}
