using MovinetExp.Common;
using MovinetExp.Sweeps;
using Spectre.Console.Cli;

namespace MovinetExp.Cli.Commands.Sweep;

/// <summary>
/// `sweep status SWEEP_DIR`: every point's state from its run folder and, for a Slurm sweep, `squeue`/`sacct`;
/// rewrites sweep.json, sweep.csv and sweep.html. A report, not a gate: exit 0 (see `sweep collect`).
/// </summary>
internal sealed class SweepStatusCommand : Command<SweepFolderSettings>
{
    public override int Execute(CommandContext context, SweepFolderSettings settings, CancellationToken cancellation)
    {
        var folder = SweepFolder.Open(settings.Sweep);
        SweepTable.Write(folder, SweepSummary.Refresh(folder), settings.Json);
        return ExitCodes.Success;
    }
}
