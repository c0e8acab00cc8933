using MovinetExp.Data.Sources;
using System.ComponentModel;
using Microsoft.Extensions.Logging;
using MovinetExp.Cli.Infrastructure;
using MovinetExp.Common;
using MovinetExp.Experiments;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MovinetExp.Cli.Commands.Data;

/// <summary>`data prepare SPEC`: download or generate the spec's videos, hash them, print the class and split table.</summary>
internal sealed class DataPrepareCommand(ILoggerFactory loggers) : AsyncCommand<DataPrepareCommand.Settings>
{
    public sealed class Settings : CatalogSettings
    {
        [CommandArgument(0, "<SPEC>")]
        public string Spec { get; init; } = "";

        [CommandOption("--set <KEY=VALUE>")]
        public string[] Overrides { get; init; } = [];
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var catalog = settings.LoadCatalog();
        var (spec, specDirectory) = SpecResolution.Load(settings.Spec, settings.Overrides, catalog);
        var dataset = await DatasetPreparation.PrepareAsync(spec, catalog,
            loggers.CreateLogger("data"), new SyncProgress<string>(Diagnostics.Note), cancellation);
        var splits = dataset.Splits;
        var table = new Table().Title(Markup.Escape(dataset.Description)).AddColumns("label", "class", "train", "val", "test");
        for (int c = 0; c < splits.ClassNames.Count; c++)
            table.AddRow(c.ToString(), Markup.Escape(splits.ClassNames[c]), splits.Train.Count(v => v.Label == c).ToString(),
                splits.Val.Count(v => v.Label == c).ToString(), splits.Test.Count(v => v.Label == c).ToString());
        AnsiConsole.Write(table);
        foreach (var excluded in splits.Excluded.Where(e => VideoFiles.IsVideo(e.Path))) Diagnostics.Warning("excluded", excluded.Path, excluded.Reason);
        AnsiConsole.MarkupLineInterpolated($"{splits.Train.Count + splits.Val.Count + splits.Test.Count} videos under {splits.Root}; manifest sha256 {dataset.Manifest.Sha256}");
        return ExitCodes.Success;
    }
}
