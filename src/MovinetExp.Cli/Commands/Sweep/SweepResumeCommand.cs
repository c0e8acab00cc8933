using System.ComponentModel;
using MovinetExp.Cli.Infrastructure;
using MovinetExp.Common;
using MovinetExp.Sweeps;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MovinetExp.Cli.Commands.Sweep;

/// <summary>
/// `sweep resume SWEEP_DIR`: runs again (locally) or resubmits (Slurm, the same job script) every point that
/// failed, was interrupted or killed, or never started; each continues its own run folder after its last
/// finished epoch, as `run --resume` does. Points that are done, running or queued are left alone.
/// </summary>
internal sealed class SweepResumeCommand : AsyncCommand<SweepResumeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SWEEP_DIR>")]
        [Description("Sweep folder printed by `dotnet movinet sweep`")]
        public string Sweep { get; init; } = "";

        [CommandOption("--parallel <N>")]
        [Description("local sweeps: points that run at once (default: 1)")]
        public int? Parallel { get; init; }

        public override ValidationResult Validate() => OptionChecks.Integer("--parallel", Parallel, 1, 256);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var folder = SweepFolder.Open(settings.Sweep);
        var refresh = SweepSummary.Refresh(folder);
        var definition = refresh.Definition;
        if (settings.Parallel != null && definition.Executor != SweepExecutors.Local)
            throw new UsageException($"--parallel is for local sweeps; {folder.Directory} runs on {definition.Executor} (its job script sets the resources).");
        // Locally a pending point has no process behind it (the sweep that would have run it stopped); on Slurm it waits in the queue.
        bool local = definition.Executor == SweepExecutors.Local;
        var again = refresh.Status.Where(s => s.State == SweepPointState.Failed || local && s.State == SweepPointState.Pending)
            .Select(s => definition.Points[s.Index]).ToList();
        var busy = refresh.Status.Where(s => s.State is SweepPointState.Running or SweepPointState.Requeued || !local && s.State == SweepPointState.Pending).ToList();
        if (busy.Count > 0)
            Diagnostics.Note($"left alone, still {string.Join(", ", busy.Select(s => $"{s.Name} ({SweepSummary.Name(s.State)})"))}");
        if (again.Count == 0)
        {
            AnsiConsole.MarkupLineInterpolated($"nothing to resume in {folder.Directory}: no point failed or was left unstarted");
            SweepTable.Write(folder, refresh, json: false);
            return ExitCodes.Success;
        }
        AnsiConsole.MarkupLineInterpolated($"resuming {again.Count} point(s): {string.Join(", ", again.Select(p => p.Name))}");
        return await SweepLaunch.RunAsync(folder, definition, again, settings.Parallel ?? 1, cancellation);
    }
}
