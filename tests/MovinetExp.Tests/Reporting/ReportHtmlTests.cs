using System.Text.RegularExpressions;
using System.Xml.Linq;
using MovinetExp.Evaluation;
using MovinetExp.Reporting;
using MovinetExp.Tests.Support;
using MovinetExp.IO;
using MovinetExp.Runs;

namespace MovinetExp.Tests.Reporting;

public class ReportHtmlTests
{
    [Fact]
    public void CompleteRun_GivesSelfContainedWellFormedReport_WithEveryFileEscaped()
    {
        RunFolder run = CompleteRun();

        string path = ReportHtml.Write(run);
        string html = File.ReadAllText(path);

        XDocument doc = ParseAsXml(html);
        // Self-contained: no network, no files beside it; every image is an embedded PNG.
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        string[] sources = doc.Descendants("img").Select(i => (string)i.Attribute("src")!).ToArray();
        Assert.Equal(2, sources.Length);
        Assert.All(sources, s => Assert.StartsWith("data:image/png;base64,", s));
        Assert.All(sources, s => Assert.Equal(0x89, Convert.FromBase64String(s["data:image/png;base64,".Length..])[0]));
        Assert.Equal(2, Regex.Matches(html, "src=").Count);

        // Data that looks like markup is shown as text, not interpreted.
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;.avi", html);
        Assert.Contains("name: &lt;b&gt;ucf &amp; co&lt;/b&gt;", html);

        string text = string.Concat(doc.Descendants("body").Single().DescendantNodes().OfType<XText>().Select(t => t.Value));
        Assert.Contains("Status: completed.", text);
        Assert.Contains("66.67 %", text); // top-1 = 2/3
        Assert.Contains("FAIL", text);     // min_class_recall 0.6 > recall of a (0.5)
        Assert.Contains("worst class: a", text);
        Assert.Contains("fine-tuned A0 (TF tutorial)", text);
        Assert.Contains("1 file(s) could not be used", text);
        Assert.Contains("Intel test CPU", text);
    }

    [Fact]
    public void FreshRun_StillRenders_AndSaysWhatIsMissing()
    {
        RunFolder run = RunFolder.Create(TestPaths.NewScratchFolder("report"), "exp", "abc", DateTime.UtcNow);

        string html = ReportHtml.Render(run);

        ParseAsXml(html);
        Assert.Contains("killed or crashed", html);
        Assert.Contains("Not available: metrics.json", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("Transfer comparison", html);
    }

    /// <summary>Well-formedness check: the report is written XHTML-style, so it must parse as XML once the doctype is removed.</summary>
    private static XDocument ParseAsXml(string html)
    {
        const string doctype = "<!DOCTYPE html>\n";
        Assert.StartsWith(doctype, html);
        return XDocument.Parse(html[doctype.Length..]);
    }

    private static RunFolder CompleteRun()
    {
        RunFolder run = RunFolder.Create(TestPaths.NewScratchFolder("report"), "ucf10", "0123abcd", new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        EvaluationResult result = ReportingFixtures.SmallResult();
        var checks = Expectations.Evaluate(new ExpectationThresholds { TestAccuracy = 0.5, MinClassRecall = 0.6 }, result);
        MetricsWriter.Write(run.MetricsJson, new RunMetrics(result, checks));
        ConfusionMatrixPlot.Save(run.ConfusionMatrixPng, result.ConfusionMatrix, result.ClassNames);
        TrainingCurvesPlot.Save(run.TrainingCurvesPng, ReportingFixtures.History(3));
        EnvironmentJson.Write(run.EnvironmentJson, EnvironmentJsonTests.Sample() with { CpuModel = "Intel test CPU" });
        AtomicFile.WriteAllText(run.SpecResolvedYaml, "name: <b>ucf & co</b>\ntrain:\n  epochs: 3\n");
        AtomicFile.WriteAllText(run.SkippedFilesCsv, Csv.FormatRow(["path", "reason"]) + Csv.FormatRow(["<script>alert(1)</script>.avi", "cannot decode, 0 frames"]));
        new TransferComparison("UCF101 subset, 10 classes",
            [new ComparisonEntry("fine-tuned A0 (TF tutorial)", 0.9, "published figure"), new ComparisonEntry("from scratch", 0.35)])
            .Write(run.ComparisonJson);
        run.WriteStatus(RunState.Completed, 3);
        return run;
    }
}
