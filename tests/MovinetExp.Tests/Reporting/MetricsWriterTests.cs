using System.Text.Json;
using MovinetExp.Common;
using MovinetExp.Evaluation;
using MovinetExp.Reporting;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Reporting;

public class MetricsWriterTests
{
    private static RunMetrics Metrics()
    {
        EvaluationResult r = ReportingFixtures.SmallResult();
        return new RunMetrics(r, Expectations.Evaluate(new ExpectationThresholds { TestAccuracy = 0.5, MinClassRecall = 0.6 }, r));
    }

    [Fact]
    public void IdenticalInputs_GiveByteIdenticalFiles()
    {
        string a = Path.Combine(TestPaths.NewScratchFolder("metrics"), "metrics.json");
        string b = Path.Combine(TestPaths.NewScratchFolder("metrics"), "metrics.json");
        MetricsWriter.Write(a, Metrics()); // two independent evaluations of the same logits
        MetricsWriter.Write(b, Metrics());
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    [Fact]
    public void PropertiesComeInFixedOrder_WithoutTimestamps()
    {
        using JsonDocument doc = JsonDocument.Parse(MetricsWriter.ToBytes(Metrics()));
        Assert.Equal(
            ["clip_count", "top1_accuracy", "top_k", "top_k_accuracy", "mean_loss", "macro_f1", "video_count", "video_accuracy",
             "classes", "per_class", "confusion_matrix", "expectations", "all_expectations_passed"],
            doc.RootElement.EnumerateObject().Select(p => p.Name));
        string text = File.ReadAllText(WriteTemp());
        Assert.DoesNotContain("time", text);
        Assert.DoesNotContain("\r", text);
    }

    [Fact]
    public void Values_MatchTheEvaluation()
    {
        // SmallResult: clips [2,1,0] a->a, [0,3,1] b->b, [1,0,2] a->c; videos v1 = clips 0 and 2.
        using JsonDocument doc = JsonDocument.Parse(MetricsWriter.ToBytes(Metrics()));
        JsonElement root = doc.RootElement;
        Assert.Equal(2.0 / 3, root.GetProperty("top1_accuracy").GetDouble());
        Assert.Equal(2, root.GetProperty("video_count").GetInt32());
        Assert.Equal(0.5, root.GetProperty("per_class").GetProperty("a").GetProperty("recall").GetDouble());
        Assert.Equal("[[1,0,1],[0,1,0],[0,0,0]]", JsonSerializer.Serialize(root.GetProperty("confusion_matrix")));
        JsonElement recallCheck = root.GetProperty("expectations")[1];
        Assert.Equal("min_class_recall", recallCheck.GetProperty("name").GetString());
        Assert.False(recallCheck.GetProperty("passed").GetBoolean());
        Assert.Equal("worst class: a", recallCheck.GetProperty("detail").GetString());
        Assert.False(root.GetProperty("all_expectations_passed").GetBoolean());
    }

    [Fact]
    public void ReadThenWrite_ReproducesTheSameBytes()
    {
        string path = WriteTemp();
        RunMetrics back = MetricsReader.Read(path);
        Assert.Equal(File.ReadAllBytes(path), MetricsWriter.ToBytes(back));
        Assert.Equal(Metrics().Expectations, back.Expectations);
    }

    [Fact]
    public void ADivergedModelsNonFiniteLossIsWrittenAsNullAndReadBackAsNaN()
    {
        // A learning rate too high gives NaN logits and loss; metrics.json (and eval --json) must still be written.
        EvaluationResult r = ReportingFixtures.SmallResult() with { MeanLoss = double.NaN };
        var checks = Expectations.Evaluate(new ExpectationThresholds { MaxTestLoss = 1.0 }, r);
        byte[] bytes = MetricsWriter.ToBytes(new RunMetrics(r, checks));
        using JsonDocument doc = JsonDocument.Parse(bytes);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("mean_loss").ValueKind);
        string path = Path.Combine(TestPaths.NewScratchFolder("metrics"), "metrics.json");
        File.WriteAllBytes(path, bytes);
        var back = MetricsReader.Read(path);
        Assert.True(double.IsNaN(back.Result.MeanLoss));
        Assert.False(Assert.Single(back.Expectations).Passed);
        Assert.Null(back.Expectations[0].Actual);
    }

    [Fact]
    public void Read_MissingOrCorruptFile_IsADataError()
    {
        string dir = TestPaths.NewScratchFolder("metrics");
        Assert.Throws<DataException>(() => MetricsReader.Read(Path.Combine(dir, "none.json")));
        string bad = Path.Combine(dir, "bad.json");
        File.WriteAllText(bad, "{\"clip_count\": 3}");
        Assert.Throws<DataException>(() => MetricsReader.Read(bad));
    }

    private static string WriteTemp()
    {
        string path = Path.Combine(TestPaths.NewScratchFolder("metrics"), "metrics.json");
        MetricsWriter.Write(path, Metrics());
        return path;
    }
}
