using MovinetExp.Common;
using MovinetExp.Sweeps;

namespace MovinetExp.Tests.Sweeps;

/// <summary>`--grid` parsing, the product of the axes and the names of its points.</summary>
public class SweepGridTests
{
    [Fact]
    public void ProductVariesTheFirstAxisSlowestAndNamesPointsAfterTheirValues()
    {
        var points = SweepGrid.Expand([GridAxis.Parse("train.lr=0.001,0.003"), GridAxis.Parse("model.id=a0,a2,a5")], "quickstart");

        Assert.Equal(6, points.Count);
        Assert.Equal(["lr-0.001_id-a0", "lr-0.001_id-a2", "lr-0.001_id-a5", "lr-0.003_id-a0", "lr-0.003_id-a2", "lr-0.003_id-a5"],
            points.Select(p => p.Name));
        Assert.Equal(Enumerable.Range(0, 6), points.Select(p => p.Index));
        Assert.Equal("quickstart/lr-0.003_id-a2", points[4].Run);
        Assert.Equal(["train.lr=0.003", "model.id=a2"], points[4].Values.Select(v => v.Override));
    }

    [Fact]
    public void ListValuesKeepTheirCommasAndQuotedCommasStayInsideTheValue()
    {
        var axis = GridAxis.Parse("data.classes=[move_left, move_right],[move_up,move_down], 'a,b'");

        Assert.Equal(["[move_left, move_right]", "[move_up,move_down]", "'a,b'"], axis.Values);
        var names = SweepGrid.Expand([axis], "x").Select(p => p.Name).ToList();
        Assert.Equal(["classes-move_left_move_right", "classes-move_up_move_down", "classes-a_b"], names);
    }

    [Fact]
    public void KeysSharingTheirLastSegmentAreNamedInFullAndCleanedNamesThatClashGetASuffix()
    {
        var points = SweepGrid.Expand([GridAxis.Parse("data.split.train=1,2"), GridAxis.Parse("data.list.train=a/b,a:b")], "x");

        Assert.Equal(["data.split.train-1_data.list.train-a_b", "data.split.train-1_data.list.train-a_b-2",
            "data.split.train-2_data.list.train-a_b", "data.split.train-2_data.list.train-a_b-2"], points.Select(p => p.Name));
        Assert.All(points, p => Assert.Matches("^[A-Za-z0-9._-]+$", p.Name));
    }

    [Fact]
    public void LongNamesAreCutAndStayUnique()
    {
        string a = new string('a', 150), b = new string('a', 149) + "b";
        var points = SweepGrid.Expand([GridAxis.Parse($"name={a},{b}")], "x");

        Assert.All(points, p => Assert.True(p.Name.Length <= SweepPointNames.MaxLength + 3, p.Name));
        Assert.Equal(2, points.Select(p => p.Name).Distinct().Count());
    }

    [Theory]
    [InlineData("train.lr", "expected key=value1,value2")]
    [InlineData("=1,2", "expected key=value1,value2")]
    [InlineData("train.lr=1,,2", "a value is empty")]
    [InlineData("train.lr=1,2,", "a value is empty")]
    [InlineData("train.lr=1,1", "given twice")]
    [InlineData("data.classes=[a,b", "a bracket is not closed")]
    [InlineData("data.classes=a],b", "closes a bracket")]
    [InlineData("name='a,b", "quote ' is not closed")]
    public void MalformedGridOptionsAreUsageErrorsNamingTheOption(string option, string problem)
    {
        var e = Assert.Throws<UsageException>(() => GridAxis.Parse(option));
        Assert.Contains($"--grid {option}", e.Message);
        Assert.Contains(problem, e.Message);
        Assert.Contains("e.g. --grid train.lr=0.001,0.003", e.Message);
        Assert.Equal(ExitCodes.UsageOrSpec, e.ExitCode);
    }

    [Fact]
    public void AKeyGivenTwiceOrTooManyPointsAreRefused()
    {
        var twice = Assert.Throws<UsageException>(() => SweepGrid.Expand([GridAxis.Parse("train.lr=1,2"), GridAxis.Parse("train.lr=3")], "x"));
        Assert.Contains("--grid train.lr=1,2,3", twice.Message);

        var big = string.Join(',', Enumerable.Range(1, 40));
        var tooMany = Assert.Throws<UsageException>(() => SweepGrid.Expand([GridAxis.Parse("seed=" + big), GridAxis.Parse("train.epochs=" + big)], "x"));
        Assert.Contains("1600 points", tooMany.Message);
        Assert.Throws<UsageException>(() => SweepGrid.Expand([], "x"));
    }

    [Theory]
    [InlineData(new[] { 0, 1, 2 }, "0-2")]
    [InlineData(new[] { 5, 0, 2, 1, 7, 6 }, "0-2,5-7")]
    [InlineData(new[] { 3 }, "3")]
    [InlineData(new[] { 1, 3, 5 }, "1,3,5")]
    public void ArrayIndicesAreWrittenAsSlurmRanges(int[] indices, string expected) =>
        Assert.Equal(expected, SlurmExecutor.ArraySpec(indices));
}
