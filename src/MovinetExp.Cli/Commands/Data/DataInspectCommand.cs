using System.ComponentModel;
using System.Globalization;
using MovinetExp.Cli.Infrastructure;
using MovinetExp.Common;
using MovinetExp.Data.Inspection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MovinetExp.Cli.Commands.Data;

/// <summary>`data inspect DIR`: every video under a folder with class, codec, frame counts, size, duration, and problems; totals per class and overall.</summary>
internal sealed class DataInspectCommand : Command<DataInspectCommand.Settings>
{
    private static readonly string[] FileColumns = ["class", "file", "codec", "fps", "frames (reported/decodable)", "size", "seconds", "problem"];
    private static readonly string[] ClassColumns = ["class", "videos", "problem files", "frames", "seconds"];

    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("A dataset folder (class folders, or train/val/test folders of class folders)")]
        public string Directory { get; init; } = "";

        [CommandOption("--json")]
        [Description("Print {files, classes, total} as JSON instead of tables")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var inspection = FolderInspector.Inspect(settings.Directory, cancellation);
        if (settings.Json) JsonOutput.Write(inspection);
        else if (Console.IsOutputRedirected) WritePlain(inspection);
        else WriteTables(inspection);
        return inspection.Total.ProblemFiles == 0 ? ExitCodes.Success : ExitCodes.Data;
    }

    private static void WriteTables(FolderInspection inspection)
    {
        var files = new Table().AddColumns(FileColumns);
        foreach (var row in inspection.Files) files.AddRow(FileCells(row).Select(c => new Text(c)).ToArray());
        AnsiConsole.Write(files);
        var classes = new Table().AddColumns(ClassColumns);
        foreach (var row in inspection.Classes) classes.AddRow(ClassCells(row).Select(c => new Text(c)).ToArray());
        AnsiConsole.Write(classes);
        AnsiConsole.WriteLine(TotalLine(inspection.Total));
    }

    // Redirected: plain aligned text, one file per line, so a pipe gets whole rows instead of wrapped cells.
    private static void WritePlain(FolderInspection inspection)
    {
        var files = new PlainTable(FileColumns);
        foreach (var row in inspection.Files) files.AddRow(FileCells(row));
        files.Write(Console.Out);
        Console.Out.WriteLine();
        var classes = new PlainTable(ClassColumns);
        foreach (var row in inspection.Classes) classes.AddRow(ClassCells(row));
        classes.Write(Console.Out);
        Console.Out.WriteLine();
        Console.Out.WriteLine(TotalLine(inspection.Total));
    }

    private static string[] FileCells(InspectedFile f)
    {
        if (f.Codec is null) return [f.ClassName, f.File, "-", "-", "-", "-", "-", f.Problem ?? $"skipped: {f.Skipped}"];
        return
        [
            f.ClassName, f.File, f.Codec, Number(f.Fps!.Value, "0.##"), $"{f.ReportedFrames}/{f.DecodableFrames}",
            $"{f.Width}x{f.Height}", Number(f.Seconds!.Value, "0.0"), f.Problem ?? "",
        ];
    }

    private static string[] ClassCells(ClassTotals c) =>
        [c.ClassName, Count(c.Videos), Count(c.ProblemFiles), c.Frames.ToString(CultureInfo.InvariantCulture), Number(c.Seconds, "0.0")];

    private static string TotalLine(InspectionTotals t) =>
        $"total: {Plural(t.Videos, "video")} in {Plural(t.Classes, "class", "classes")}, {Plural(t.ProblemFiles, "problem file")}, " +
        $"{t.Frames.ToString(CultureInfo.InvariantCulture)} frames, {Number(t.Seconds, "0.0")} s" +
        (t.SkippedFiles > 0 ? $"; {Plural(t.SkippedFiles, "other file")} skipped" : "");

    private static string Plural(int n, string one, string? many = null) => $"{Count(n)} {(n == 1 ? one : many ?? one + "s")}";

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
