using System.ComponentModel;
using System.Globalization;
using MovinetExp.Common;
using MovinetExp.Data.Sources;
using MovinetExp.Data.Video;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MovinetExp.Cli.Commands.Data;

/// <summary>`data inspect DIR`: every video under a folder with class, codec, frame counts, size, duration, and problems.</summary>
internal sealed class DataInspectCommand : Command<DataInspectCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("A dataset folder (class folders, or train/val/test folders of class folders)")]
        public string Directory { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        if (!System.IO.Directory.Exists(settings.Directory))
            throw new DataException($"{settings.Directory}: no such folder. Pass a dataset folder with one sub-folder per class.");
        var files = System.IO.Directory.EnumerateFiles(settings.Directory, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToList();
        var table = new Table().AddColumns("class", "file", "codec", "fps", "frames (reported/decodable)", "size", "seconds", "problem");
        int problems = 0;
        var perClass = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            cancellation.ThrowIfCancellationRequested();
            string className = Path.GetFileName(Path.GetDirectoryName(file)!);
            if (!VideoFiles.IsVideo(file))
            {
                table.AddRow(new Text(className), new Text(Path.GetFileName(file)), new Text("-"), new Text("-"), new Text("-"), new Text("-"), new Text("-"), new Text("not a video file (skipped)"));
                continue;
            }
            try
            {
                string? truncated = ContainerTruncation.Find(file);
                var info = VideoProbe.Inspect(file);
                string? problem = truncated ?? (info.DecodableFrames == 0 ? "no decodable frames" : null);
                if (problem != null) problems++;
                else perClass[className] = perClass.GetValueOrDefault(className) + 1;
                table.AddRow(new Text(className), new Text(Path.GetFileName(file)), new Text(info.FourCC),
                    new Text(info.Fps.ToString("0.##", CultureInfo.InvariantCulture)), new Text($"{info.ReportedFrames}/{info.DecodableFrames}"),
                    new Text($"{info.Width}x{info.Height}"), new Text(info.DurationSeconds.ToString("0.0", CultureInfo.InvariantCulture)),
                    new Text(problem ?? ""));
            }
            catch (DataException e)
            {
                problems++;
                table.AddRow(new Text(className), new Text(Path.GetFileName(file)), new Text("?"), new Text("?"), new Text("?"), new Text("?"), new Text("?"), new Text(e.Message));
            }
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"{string.Join(", ", perClass.Select(p => $"{p.Key}: {p.Value}"))}; {problems} problem file(s)");
        return problems == 0 ? ExitCodes.Success : ExitCodes.Data;
    }
}
