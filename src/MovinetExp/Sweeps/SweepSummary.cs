using System.Globalization;
using MovinetExp.Common;
using MovinetExp.Reporting;
using MovinetExp.IO;

namespace MovinetExp.Sweeps;

/// <summary>
/// The sweep's results in one place: sweep.json (definition and status), sweep.csv (one row per point: its grid
/// values, state, test accuracy, expectations, seconds, run folder) and sweep.html (the same table with a link to
/// each run's report.html), all rewritten atomically from the points' current status.
/// </summary>
public static class SweepSummary
{
    /// <summary>Reads every point's state (asking Slurm for a Slurm sweep) and rewrites the three files.</summary>
    public static SweepRefresh Refresh(SweepFolder folder)
    {
        var definition = folder.Read().Definition;
        SchedulerView? scheduler = definition.Executor == SweepExecutors.Slurm ? SlurmQueue.Query(folder.ReadSubmissions()) : null;
        var status = SweepStatusReader.Read(folder, definition, scheduler);
        Write(folder, definition, status);
        return new SweepRefresh(definition, status, scheduler?.Note);
    }

    public static void Write(SweepFolder folder, SweepDefinition definition, IReadOnlyList<SweepPointStatus> status)
    {
        folder.WriteStatus(definition, status);
        AtomicFile.WriteAllText(folder.SweepCsv, Csv(definition, status));
        AtomicFile.WriteAllText(folder.SweepHtml, Html(folder, definition, status));
    }

    public static string Csv(SweepDefinition definition, IReadOnlyList<SweepPointStatus> status)
    {
        var text = new System.Text.StringBuilder(IO.Csv.FormatRow(
            ["point", .. definition.Grid.Select(a => a.Key), "state", "test_accuracy", "expectations", "seconds", "detail", "run"]));
        foreach (var s in status)
            text.Append(IO.Csv.FormatRow([s.Name, .. s.Values.Select(v => v.Value), Name(s.State), Accuracy(s.TestAccuracy),
                Gate(s), s.Seconds?.ToString("0.0", CultureInfo.InvariantCulture) ?? "", s.Detail, s.Run]));
        return text.ToString();
    }

    private static string Html(SweepFolder folder, SweepDefinition definition, IReadOnlyList<SweepPointStatus> status)
    {
        var html = new Html();
        string title = $"{definition.Experiment} sweep: {Path.GetFileName(folder.Directory)}";
        html.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Element("title", $"movinet-exp sweep: {title}")
            .Raw($"<style>\n{ReportHtml.Style}\n</style>\n</head>\n<body>\n")
            .Element("h1", title)
            .Paragraph($"{definition.Spec}, {definition.Points.Count} points ({string.Join(" x ", definition.Grid.Select(a => $"{a.Values.Count} {a.Key}"))}), " +
                $"executor {definition.Executor}; " + string.Join(", ", Enum.GetValues<SweepPointState>()
                    .Select(s => (s, n: status.Count(p => p.State == s))).Where(x => x.n > 0).Select(x => $"{x.n} {Name(x.s)}")) +
                $"; updated {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC.");
        if (definition.Overrides.Count > 0) html.Paragraph("Every point: " + string.Join(" ", definition.Overrides.Select(o => "--set " + o)));
        html.Heading("Points");
        html.Table(["point", .. definition.Grid.Select(a => a.Key), "state", "test accuracy", "expectations", "time", "detail", "report"],
            status.Select(s => (IReadOnlyList<Html.Cell>)
            [
                s.Name, .. s.Values.Select(v => new Html.Cell(v.Value)),
                new Html.Cell(Name(s.State), s.State switch
                {
                    SweepPointState.Done => "status-completed",
                    SweepPointState.Failed => "status-failed",
                    _ => null,
                }),
                new Html.Cell(s.TestAccuracy is double a ? (a * 100).ToString("F2", CultureInfo.InvariantCulture) + " %" : "-", "num"),
                new Html.Cell(Gate(s) is { Length: > 0 } g ? g : "-", s.ExpectationsPassed switch { true => "pass", false => "fail", _ => null }),
                new Html.Cell(s.Seconds is double t ? t.ToString("0", CultureInfo.InvariantCulture) + " s" : "-", "num"),
                s.Detail,
                s.Report != null ? new Html.Cell("report.html", null, s.Report) : new Html.Cell("-", "missing"),
            ]));
        return html.Raw("</body>\n</html>\n").ToString();
    }

    /// <summary>The state as written in files and tables: pending, running, requeued, done, failed.</summary>
    public static string Name(SweepPointState state) => EnumNames.Of(state);

    public static string Accuracy(double? accuracy) => accuracy?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "";

    /// <summary>"pass", "FAIL" or "" (no expectations, or not evaluated).</summary>
    public static string Gate(SweepPointStatus s) => s.ExpectationsPassed switch { true => "pass", false => "FAIL", _ => "" };
}

