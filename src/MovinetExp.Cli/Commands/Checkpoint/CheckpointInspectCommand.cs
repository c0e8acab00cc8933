using System.ComponentModel;
using System.Globalization;
using MovinetExp.Checkpoints.Format;
using MovinetExp.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MovinetExp.Cli.Commands.Checkpoint;

/// <summary>`checkpoint inspect PATH`: every tensor of a TensorFlow checkpoint with dtype, shape and sum.</summary>
internal sealed class CheckpointInspectCommand : Command<CheckpointInspectCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<PATH>")]
        [Description("Checkpoint prefix, its .index file, or a folder holding a `checkpoint` file")]
        public string Path { get; init; } = "";

        [CommandOption("--json")]
        [Description("Print {\"tensors\":[[{\"key\",\"dtype\",\"shape\",\"sum\"}]]} instead of a table")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var listing = CheckpointInspector.Inspect(settings.Path);
        if (settings.Json)
        {
            JsonOutput.Write(listing); // a tensor holding infinity or NaN has a sum JSON cannot hold: null
            return Status(listing);
        }
        var table = new Table().AddColumns("key", "dtype", "shape", "sum");
        foreach (var t in listing.Tensors)
            table.AddRow(
                new Text(t.Key), new Text(t.DType), new Text("[" + string.Join(",", t.Shape) + "]"),
                new Text(t.Unavailable ?? t.Sum?.ToString("R", CultureInfo.InvariantCulture) ?? "-"));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"{listing.Tensors.Count} tensors in [bold]{listing.Prefix}[/]");
        int unreadable = listing.Tensors.Count(t => t.Unavailable != null);
        if (unreadable > 0) Diagnostics.Error($"{unreadable} tensor(s) could not be read (corrupt data or a missing shard): see the sum column");
        return Status(listing);
    }

    // The listing is printed whole either way, but a checkpoint with unreadable tensors is a checkpoint error.
    private static int Status(CheckpointListing listing) =>
        listing.Tensors.Any(t => t.Unavailable != null) ? Common.ExitCodes.Checkpoint : Common.ExitCodes.Success;
}
