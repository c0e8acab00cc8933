using System.ComponentModel;
using MovinetExp.Cli.Infrastructure;
using MovinetExp.Common;
using MovinetExp.Sweeps;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MovinetExp.Cli.Commands.Sweep;

/// <summary>
/// `sweep collect SWEEP_DIR`: the sweep's results (test accuracy per point) and its gate: exit 0 only when every
/// point completed and met its expectations, else 1. --wait polls until no point is pending, running or requeued.
/// </summary>
internal sealed class SweepCollectCommand : AsyncCommand<SweepCollectCommand.Settings>
{
    public sealed class Settings : SweepFolderSettings
    {
        [CommandOption("--wait")]
        [Description("Wait until no point is pending, running or requeued (for a Slurm sweep), then collect")]
        public bool Wait { get; init; }

        [CommandOption("--poll <SECONDS>")]
        [Description("Seconds between two looks with --wait (default: 10)")]
        [DefaultValue(10)]
        public int Poll { get; init; } = 10;

        [CommandOption("--timeout <SECONDS>")]
        [Description("Give up waiting after this many seconds and collect what is there (default: no limit)")]
        public int? Timeout { get; init; }

        public override ValidationResult Validate() => OptionChecks.First(
            OptionChecks.Integer("--poll", Poll, 1, 3600),
            OptionChecks.Integer("--timeout", Timeout, 1, 30 * 24 * 3600));
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var folder = SweepFolder.Open(settings.Sweep);
        var refresh = SweepSummary.Refresh(folder);
        var deadline = settings.Timeout is int limit ? DateTime.UtcNow.AddSeconds(limit) : DateTime.MaxValue;
        while (settings.Wait && Unfinished(refresh) > 0 && DateTime.UtcNow < deadline)
        {
            Diagnostics.Note($"waiting: {Unfinished(refresh)} of {refresh.Status.Count} points pending, running or requeued");
            await Task.Delay(TimeSpan.FromSeconds(settings.Poll), cancellation);
            refresh = SweepSummary.Refresh(folder);
        }
        SweepTable.Write(folder, refresh, settings.Json);
        return SweepGate.Judge(refresh.Status).ExitCode;
    }

    private static int Unfinished(SweepRefresh refresh) =>
        refresh.Status.Count(s => s.State is SweepPointState.Pending or SweepPointState.Running or SweepPointState.Requeued);
}
