using System.Globalization;
using MovinetExp.Cli.Infrastructure;
using MovinetExp.Common;
using MovinetExp.Sweeps;
using Spectre.Console;

namespace MovinetExp.Cli.Commands.Sweep;

/// <summary>
/// Prints a sweep's points (grid values, state, test accuracy, expectations, time, detail) as a table on
/// standard output, or with --json as one document; the gate's verdict and notes go to standard error.
/// </summary>
internal static class SweepTable
{
    public static void Write(SweepFolder folder, SweepRefresh refresh, bool json)
    {
        var (exitCode, verdict) = SweepGate.Judge(refresh.Status);
        if (json)
        {
            JsonOutput.Write(new
            {
                Sweep = folder.Directory,
                refresh.Definition.Experiment,
                refresh.Definition.Executor,
                Grid = refresh.Definition.Grid,
                Points = refresh.Status,
                Counts = Enum.GetValues<SweepPointState>().ToDictionary(SweepSummary.Name, s => refresh.Status.Count(p => p.State == s)),
                Verdict = verdict,
                ExitCode = exitCode,
                SchedulerNote = refresh.SchedulerNote,
            });
        }
        else
        {
            var table = new Table().Title(Markup.Escape($"{refresh.Definition.Experiment}: {refresh.Status.Count} points ({refresh.Definition.Executor})"))
                .AddColumn("point");
            foreach (var axis in refresh.Definition.Grid) table.AddColumn(Markup.Escape(axis.Key));
            table.AddColumns("state", "test accuracy", "expectations", "time", "detail");
            foreach (var s in refresh.Status)
            {
                var cells = new List<Spectre.Console.Rendering.IRenderable> { new Text(s.Name) };
                cells.AddRange(s.Values.Select(v => new Text(v.Value)));
                cells.Add(new Markup(s.State switch
                {
                    SweepPointState.Done => "[green]done[/]",
                    SweepPointState.Failed => "[red]failed[/]",
                    _ => Markup.Escape(SweepSummary.Name(s.State)),
                }));
                cells.Add(new Text(s.TestAccuracy is double a ? a.ToString("0.0000", CultureInfo.InvariantCulture) : "-"));
                cells.Add(s.ExpectationsPassed switch { true => new Markup("[green]pass[/]"), false => new Markup("[red]FAIL[/]"), _ => new Text("-") });
                cells.Add(new Text(s.Seconds is double t ? t.ToString("0", CultureInfo.InvariantCulture) + " s" : "-"));
                cells.Add(new Text(s.Detail));
                table.AddRow(cells);
            }
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLineInterpolated($"sweep folder: [bold]{folder.Directory}[/] (sweep.html, sweep.csv, sweep.json)");
        }
        if (refresh.SchedulerNote != null) Diagnostics.Note(refresh.SchedulerNote);
        if (exitCode == ExitCodes.Success) Diagnostics.Console.MarkupLineInterpolated($"[green]{verdict}[/]");
        else Diagnostics.Console.MarkupLineInterpolated($"[yellow]{verdict}[/]");
    }
}
