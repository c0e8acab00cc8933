using System.ComponentModel;
using Microsoft.Extensions.Logging;
using MovinetExp.Cli.Infrastructure;
using MovinetExp.Common;
using MovinetExp.Catalog;
using MovinetExp.Sweeps;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MovinetExp.Cli.Commands.Sweep;

/// <summary>
/// `sweep task SWEEP_DIR INDEX`: one point, as the local executor and the Slurm job script start it (hidden from
/// help: people use `sweep`, `sweep resume`). Creates the point's run folder or resumes it. Exits 0 when the run
/// completed, whether or not its expectations held: the gate is the sweep's (`sweep collect`), and Slurm
/// reporting a completed run as a FAILED task would hide real failures among gate misses.
/// </summary>
internal sealed class SweepTaskCommand(ILoggerFactory loggers) : AsyncCommand<SweepTaskCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SWEEP_DIR>")]
        public string Sweep { get; init; } = "";

        [CommandArgument(1, "<INDEX>")]
        [Description("Point index in sweep.json (the Slurm array task id)")]
        public int Index { get; init; }

        [CommandOption("--threads <N>")]
        [Description("Training threads when the spec leaves train.threads at 0 (auto)")]
        public int? Threads { get; init; }

        public override ValidationResult Validate() => OptionChecks.Integer("--threads", Threads, 1, 1024);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var folder = SweepFolder.Open(settings.Sweep);
        var definition = folder.Read().Definition;
        var catalog = ToolCatalog.Load(definition.Catalog);
        var request = SweepPointRun.Prepare(folder, settings.Index, settings.Threads, catalog,
            "dotnet movinet " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)));
        if (request == null)
        {
            AnsiConsole.MarkupLineInterpolated($"point {settings.Index} of {folder.Directory} has already completed; nothing to do");
            return ExitCodes.Success;
        }
        if (request.ResumeDirectory != null) Diagnostics.Note($"resuming {request.ResumeDirectory}");
        await ExperimentConsole.RunAsync(request, loggers, cancellation);
        return ExitCodes.Success;
    }
}
