using Spectre.Console;

namespace MovinetExp.Cli.Infrastructure;

/// <summary>
/// Standard error, for everything that is not a result: errors, warnings, progress and notes. Results
/// (tables, JSON, written files, the run folder) go to standard output through <see cref="AnsiConsole"/>,
/// so `--json | jq` and `> out.txt` only ever get results (README, "Commands").
/// Every message is written with MarkupLineInterpolated, which escapes the text it is given: paths and
/// shapes such as "[2, 600]" print as they are instead of being read as Spectre styles.
/// </summary>
internal static class Diagnostics
{
    /// <summary>A Spectre console on standard error (colours and width detected for it, NO_COLOR respected).</summary>
    public static IAnsiConsole Console { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });

    /// <summary>"error: ..." in red.</summary>
    public static void Error(string message) => Console.MarkupLineInterpolated($"[red]error:[/] {message}");

    /// <summary>A problem that did not stop the command, e.g. "skipped VIDEO: reason".</summary>
    public static void Warning(string what, string subject, string reason) => Console.MarkupLineInterpolated($"[yellow]{what}[/] {subject}: {reason}");

    /// <summary>Progress and context, in grey.</summary>
    public static void Note(string message) => Console.MarkupLineInterpolated($"[grey]{message}[/]");
}
