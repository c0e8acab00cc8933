using System.ComponentModel;
using MovinetExp.Checkpoints;
using MovinetExp.Cli.Infrastructure;
using MovinetExp.Common;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MovinetExp.Cli.Commands.Checkpoint;

/// <summary>`checkpoint fetch ID`: download (resumably), verify and unpack a released checkpoint into the cache.</summary>
internal sealed class CheckpointFetchCommand : AsyncCommand<CheckpointFetchCommand.Settings>
{
    public sealed class Settings : CatalogSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("a0..a5")]
        public string Id { get; init; } = "";

        [CommandOption("--variant <VARIANT>")]
        [DefaultValue("base")]
        public string Variant { get; init; } = "base";

        public override ValidationResult Validate() =>
            ModelIdOption.Validate(Id, ModelIdOption.Argument) is { Successful: false } badId ? badId
            : VariantOption.Validate(Variant);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var catalog = settings.LoadCatalog();
        var entry = catalog.Checkpoint(ModelIdOption.Parse(settings.Id), VariantOption.Parse(settings.Variant));
        ResolvedCheckpoint? checkpoint = null;
        await Diagnostics.Console.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(entry.File, maxValue: 1);
                checkpoint = await CheckpointSource.FetchAsync(entry, catalog,
                    new SyncProgress<(long Done, long? Total)>(p =>
                    {
                        if (p.Total is long total) task.MaxValue = total;
                        task.Value = p.Done;
                    }), cancellation);
                task.Value = task.MaxValue;
            });
        AnsiConsole.MarkupLineInterpolated($"checkpoint ready: [bold]{checkpoint!.Prefix}[/]");
        // The digest on a line of its own, so it is never wrapped apart; then what it was checked against.
        AnsiConsole.MarkupLineInterpolated($"archive sha256: {checkpoint.Sha256}");
        AnsiConsole.MarkupLineInterpolated($"({checkpoint.DigestCheck})");
        return ExitCodes.Success;
    }
}
