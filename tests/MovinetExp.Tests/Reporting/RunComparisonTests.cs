using MovinetExp.Evaluation;
using MovinetExp.Reporting;
using MovinetExp.Tests.Support;
using MovinetExp.Runs;

namespace MovinetExp.Tests.Reporting;

public class RunComparisonTests
{
    [Fact]
    public void Compare_ReadsBothRuns_AndReportsBMinusA()
    {
        string root = TestPaths.NewScratchFolder("compare");
        var when = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        RunFolder a = RunFolder.Create(root, "exp", "aaaa", when);
        RunFolder b = RunFolder.Create(root, "exp", "bbbb", when);
        // A: clips a->a, b->b, a->c (top-1 2/3). B: clip 2 fixed to a -> 3/3 (logit of a raised from 1 to 3).
        MetricsWriter.Write(a.MetricsJson, new RunMetrics(ReportingFixtures.SmallResult(), []));
        EvaluationResult better = ClassificationMetrics.Compute([[2, 1, 0], [0, 3, 1], [3, 0, 2]], [0, 1, 0], ["a", "b", "c"]);
        MetricsWriter.Write(b.MetricsJson, new RunMetrics(better, []));

        Dictionary<string, ComparisonRow> rows = RunComparison.Compare(a, b).ToDictionary(r => r.Metric);

        Assert.Equal(2.0 / 3, rows["top1_accuracy"].A);
        Assert.Equal(1.0, rows["top1_accuracy"].B);
        Assert.Equal(1.0 - 2.0 / 3, rows["top1_accuracy"].Delta!.Value, 1e-12);
        Assert.Equal(0.5, rows["recall[a]"].Delta); // recall of a: 1/2 -> 2/2
        Assert.Equal(0.0, rows["recall[b]"].Delta);
        Assert.Null(rows["video_accuracy"].B); // B has no video ids
        Assert.Null(rows["video_accuracy"].Delta);
    }

    [Fact]
    public void Compare_ClassesPresentInOneRunOnly_HaveNullOnTheOtherSide()
    {
        var a = new RunMetrics(ClassificationMetrics.Compute([[1, 0]], [0], ["x", "y"]), []);
        var b = new RunMetrics(ClassificationMetrics.Compute([[1, 0]], [0], ["x", "z"]), []);

        IReadOnlyList<ComparisonRow> rows = RunComparison.Compare(a, b);

        Assert.Equal(["recall[x]", "recall[y]", "recall[z]"], rows.Skip(5).Select(r => r.Metric));
        Assert.Null(rows.Single(r => r.Metric == "recall[y]").B);
        Assert.Null(rows.Single(r => r.Metric == "recall[z]").A);
    }
}
