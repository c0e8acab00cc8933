using MovinetExp.Reporting;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Reporting;

public class ConfusionMatrixCsvTests
{
    [Fact]
    public void WritesPredictedHeader_AndTrueNameFirstColumn()
    {
        string path = Path.Combine(TestPaths.NewScratchFolder("cm-csv"), "confusion_matrix.csv");
        ConfusionMatrixCsv.Write(path, new[,] { { 1, 2 }, { 0, 3 } }, ["a", "b,c"]);
        Assert.Equal("true\\predicted,a,\"b,c\"\na,1,2\n\"b,c\",0,3\n", File.ReadAllText(path));
    }

    [Fact]
    public void RejectsShapeMismatch()
    {
        Assert.Throws<ArgumentException>(() => ConfusionMatrixCsv.Format(new int[2, 3], ["a", "b"]));
    }
}
