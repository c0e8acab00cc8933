using System.ComponentModel;
using System.Globalization;
using MovinetExp.Cli.Infrastructure;
using MovinetExp.Reporting;
using Spectre.Console;
using Spectre.Console.Cli;
using MovinetExp.Runs;

namespace MovinetExp.Cli.Commands.Experiment;

/// <summary>`compare RUN_A RUN_B`: metric differences between two runs (B minus A).</summary>
internal sealed class CompareCommand : Command<CompareCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<RUN_A>")]
        public string RunA { get; init; } = "";

        [CommandArgument(1, "<RUN_B>")]
        public string RunB { get; init; } = "";

        [CommandOption("--json")]
        [Description("Print the rows as JSON")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var rows = RunComparison.Compare(RunFolder.Open(settings.RunA), RunFolder.Open(settings.RunB));
        if (settings.Json)
        {
            JsonOutput.Write(new { run_a = settings.RunA, run_b = settings.RunB, rows });
            return 0;
        }
        var table = new Table().AddColumns("metric", "A", "B", "B - A");
        foreach (var row in rows)
            table.AddRow(new Text(row.Metric), new Text(F(row.A)), new Text(F(row.B)),
                new Markup(row.Delta is double d ? (d > 0 ? "[green]" : d < 0 ? "[red]" : "[grey]") + F(d) + "[/]" : "-"));
        AnsiConsole.Write(table);
        return 0;
    }

    private static string F(double? v) => v?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "-";
}
