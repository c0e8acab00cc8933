using System.Globalization;
using MovinetExp.Evaluation;
using Spectre.Console;

namespace MovinetExp.Cli.Infrastructure;

/// <summary>Prints the test metrics and the expectation checks (the CI gate) as tables.</summary>
internal static class ExpectationTable
{
    public static void Write(EvaluationResult test, IReadOnlyList<ExpectationCheck> checks)
    {
        var metrics = new Table().Title("test metrics").AddColumns("metric", "value");
        metrics.AddRow("clips", test.ClipCount.ToString(CultureInfo.InvariantCulture));
        metrics.AddRow("top-1 accuracy", F(test.Top1Accuracy));
        metrics.AddRow($"top-{test.TopK} accuracy", F(test.TopKAccuracy));
        metrics.AddRow("mean loss", F(test.MeanLoss));
        metrics.AddRow("macro F1", F(test.MacroF1));
        if (test.VideoAccuracy is double video) metrics.AddRow($"video accuracy ({test.VideoCount} videos)", F(video));
        AnsiConsole.Write(metrics);
        if (checks.Count == 0) return;

        var table = new Table().Title("expectations").AddColumns("check", "threshold", "actual", "result");
        foreach (var c in checks)
            table.AddRow(new Text(c.Name + (c.Detail != null ? $" ({c.Detail})" : "")), new Text(F(c.Threshold)),
                new Text(c.Actual is double a ? F(a) : "not measured"),
                new Markup(c.Passed ? "[green]pass[/]" : "[red]FAIL[/]"));
        AnsiConsole.Write(table);
    }

    private static string F(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);
}
