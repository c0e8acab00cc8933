using System.Globalization;
using MovinetExp.Common;
using MovinetExp.Evaluation;
using MovinetExp.IO;
using MovinetExp.Runs;

namespace MovinetExp.Reporting;

/// <summary>
/// report.html: one self-contained page per run (inline CSS, images as data URIs, no scripts, no links to
/// files or the network), so it can be mailed or attached to a CI job as is. Each section is built from the
/// run folder's files and says so plainly when its file is missing (e.g. a run that never reached evaluation).
/// </summary>
public static class ReportHtml
{
    /// <summary>The report's CSS, shared with the sweep summary so both pages look alike.</summary>
    internal const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em auto; max-width: 1200px; color: #222; }
        h1 { margin-bottom: 0.2em; }
        h2 { border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 1.6em; }
        table { border-collapse: collapse; margin: 0.5em 0; }
        th, td { border: 1px solid #ccc; padding: 0.25em 0.7em; text-align: left; }
        th { background: #f0f3f7; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .pass { background: #e3f5e1; color: #1d6b18; font-weight: bold; }
        .fail { background: #fbe3e3; color: #a11b1b; font-weight: bold; }
        .status-completed { color: #1d6b18; }
        .status-failed, .status-interrupted, .status-running, .status-stale { color: #a11b1b; }
        .missing { color: #777; font-style: italic; }
        pre { background: #f7f7f7; border: 1px solid #ddd; padding: 0.8em; overflow-x: auto; }
        img { max-width: 100%; border: 1px solid #ddd; }
        """;

    /// <summary>Builds report.html from the run folder's files and writes it atomically; returns its path.</summary>
    public static string Write(RunFolder run)
    {
        AtomicFile.WriteAllText(run.ReportHtml, Render(run));
        return run.ReportHtml;
    }

    /// <summary>The report's HTML text.</summary>
    public static string Render(RunFolder run)
    {
        var html = new Html();
        string title = $"{run.ExperimentName} / {run.Name}";
        html.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Element("title", $"movinet-exp report: {title}")
            .Raw($"<style>\n{Style}\n</style>\n</head>\n<body>\n")
            .Element("h1", title);

        StatusSection(html, run);
        RunMetrics? metrics = File.Exists(run.MetricsJson) ? MetricsReader.Read(run.MetricsJson) : null;
        MetricsSection(html, metrics);
        ExpectationsSection(html, metrics);
        PerClassSection(html, metrics);
        ImageSection(html, "Confusion matrix", run.ConfusionMatrixPng);
        ImageSection(html, "Training curves", run.TrainingCurvesPng);
        ComparisonSection(html, run, metrics);
        EnvironmentSection(html, run);
        SkippedFilesSection(html, run);
        html.Heading("Resolved spec");
        if (File.Exists(run.SpecResolvedYaml)) html.Pre(File.ReadAllText(run.SpecResolvedYaml));
        else Missing(html, "spec.resolved.yaml");
        return html.Raw("</body>\n</html>\n").ToString();
    }

    private static void StatusSection(Html html, RunFolder run)
    {
        RunStatus status = run.ReadStatus();
        string state = EnumNames.Of(status.State);
        bool stale = RunLiveness.IsStale(run, status);
        string text = stale ? "Status: " + RunLiveness.Describe(run, status)
            : status.State == RunState.Running ? $"Status: running ({status.Writer}); results are incomplete until it ends."
            : $"Status: {state}.";
        html.Paragraph(text, stale ? "status-stale" : $"status-{state}");
        html.Paragraph(status.LastCompletedEpoch is int epoch ? $"Last completed epoch: {epoch}." : "No epoch completed.");
        if (status.Message != null) html.Pre(status.Message);
    }

    private static void MetricsSection(Html html, RunMetrics? metrics)
    {
        html.Heading("Test metrics");
        if (metrics == null) { Missing(html, "metrics.json (the run has not been evaluated)"); return; }
        EvaluationResult r = metrics.Result;
        html.Table(["metric", "value"],
        [
            ["clips", Num(r.ClipCount.ToString(CultureInfo.InvariantCulture))],
            ["top-1 accuracy", Num(Percent(r.Top1Accuracy))],
            [$"top-{r.TopK} accuracy", Num(Percent(r.TopKAccuracy))],
            ["mean cross-entropy loss", Num(Decimal(r.MeanLoss))],
            ["macro F1", Num(Decimal(r.MacroF1))],
            ["videos", Num(r.VideoCount?.ToString(CultureInfo.InvariantCulture) ?? "-")],
            ["video accuracy (mean of clip probabilities)", Num(r.VideoAccuracy is double v ? Percent(v) : "-")],
        ]);
    }

    private static void ExpectationsSection(Html html, RunMetrics? metrics)
    {
        html.Heading("Expectations");
        if (metrics == null) { Missing(html, "metrics.json"); return; }
        if (metrics.Expectations.Count == 0) { html.Paragraph("The spec sets no expectations."); return; }
        html.Table(["check", "threshold", "actual", "result", "detail"], metrics.Expectations.Select(c => (IReadOnlyList<Html.Cell>)
        [
            c.Name, Num(Decimal(c.Threshold)), Num(c.Actual is double a ? Decimal(a) : "not measured"),
            new Html.Cell(c.Passed ? "PASS" : "FAIL", c.Passed ? "pass" : "fail"), c.Detail ?? "",
        ]));
    }

    private static void PerClassSection(Html html, RunMetrics? metrics)
    {
        html.Heading("Per-class metrics");
        if (metrics == null) { Missing(html, "metrics.json"); return; }
        html.Table(["class", "precision", "recall", "F1", "support"], metrics.Result.PerClass.Select(c => (IReadOnlyList<Html.Cell>)
        [
            c.ClassName, Num(Decimal(c.Precision)), Num(Decimal(c.Recall)), Num(Decimal(c.F1)),
            Num(c.Support.ToString(CultureInfo.InvariantCulture)),
        ]));
    }

    private static void ImageSection(Html html, string title, string pngPath)
    {
        html.Heading(title);
        if (File.Exists(pngPath)) html.PngImage(File.ReadAllBytes(pngPath), title);
        else Missing(html, Path.GetFileName(pngPath));
    }

    private static void ComparisonSection(Html html, RunFolder run, RunMetrics? metrics)
    {
        if (!File.Exists(run.ComparisonJson)) return; // optional: only transfer-learning studies write it
        TransferComparison comparison = TransferComparison.Read(run.ComparisonJson);
        html.Heading($"Transfer comparison: {comparison.Title}");
        var rows = comparison.Entries.Select(e => (IReadOnlyList<Html.Cell>)[e.Name, Num(Percent(e.Accuracy)), e.Note ?? ""]).ToList();
        if (metrics != null) rows.Add(["this run (top-1)", Num(Percent(metrics.Result.Top1Accuracy)), run.Name]);
        html.Table(["setting", "accuracy", "note"], rows);
    }

    private static void EnvironmentSection(Html html, RunFolder run)
    {
        html.Heading("Environment");
        if (!File.Exists(run.EnvironmentJson)) { Missing(html, "environment.json"); return; }
        EnvironmentInfo e = EnvironmentJson.Read(run.EnvironmentJson);
        var rows = new List<IReadOnlyList<Html.Cell>>
        {
            new Html.Cell[] { "tool", e.ToolVersion },
            new Html.Cell[] { "TorchSharp / LibTorch", $"{e.TorchSharpVersion} / {e.LibTorchVersion}" },
            new Html.Cell[] { ".NET", e.DotnetVersion },
            new Html.Cell[] { "OS", e.Os },
            new Html.Cell[] { "CPU", $"{e.CpuModel} ({e.LogicalCores} logical cores)" },
            new Html.Cell[] { "device / threads", $"{e.Device} / {e.Threads}" },
            new Html.Cell[] { "seed", e.Seed.ToString(CultureInfo.InvariantCulture) },
            new Html.Cell[] { "checkpoint sha256", e.CheckpointSha256 ?? "-" },
            new Html.Cell[] { "data file list sha256", e.DataFileListSha256 ?? "-" },
            new Html.Cell[] { "data manifest hash", e.DataManifestHash ?? "-" },
            new Html.Cell[] { "command line", e.CommandLine },
            new Html.Cell[] { "started (UTC)", e.StartedUtc.ToString("u", CultureInfo.InvariantCulture) },
            new Html.Cell[] { "finished (UTC)", e.FinishedUtc?.ToString("u", CultureInfo.InvariantCulture) ?? "-" },
        };
        foreach (var (name, seconds) in e.TimingsSeconds ?? new Dictionary<string, double>())
            rows.Add([$"time: {name}", Num(seconds.ToString("F1", CultureInfo.InvariantCulture) + " s")]);
        html.Table(["item", "value"], rows);
    }

    private static void SkippedFilesSection(Html html, RunFolder run)
    {
        html.Heading("Skipped files");
        if (!File.Exists(run.SkippedFilesCsv)) { Missing(html, "skipped_files.csv"); return; }
        List<string[]> lines = Csv.Parse(File.ReadAllText(run.SkippedFilesCsv));
        if (lines.Count <= 1) { html.Paragraph("No files were skipped."); return; }
        html.Paragraph($"{lines.Count - 1} file(s) could not be used:");
        html.Table(lines[0], lines.Skip(1).Select(row => (IReadOnlyList<Html.Cell>)row.Select(f => new Html.Cell(f)).ToArray()));
    }

    private static void Missing(Html html, string what) => html.Paragraph($"Not available: {what}.", "missing");

    private static Html.Cell Num(string text) => new(text, "num");

    private static string Percent(double fraction) => (fraction * 100).ToString("F2", CultureInfo.InvariantCulture) + " %";

    private static string Decimal(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
