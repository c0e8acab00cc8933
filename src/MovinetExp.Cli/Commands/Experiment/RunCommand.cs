using System.ComponentModel;
using Microsoft.Extensions.Logging;
using MovinetExp.Cli.Infrastructure;
using MovinetExp.Common;
using MovinetExp.Experiments;
using Spectre.Console;
using Spectre.Console.Cli;
using MovinetExp.Runs;

namespace MovinetExp.Cli.Commands.Experiment;

/// <summary>`run SPEC`: the whole experiment; exit 1 when an expectation fails.</summary>
internal sealed class RunCommand(ILoggerFactory loggers) : AsyncCommand<RunCommand.Settings>
{
    public sealed class Settings : CatalogSettings
    {
        [CommandArgument(0, "[SPEC]")]
        [Description("Experiment spec (YAML). Not needed with --resume")]
        public string? Spec { get; init; }

        [CommandOption("--set <KEY=VALUE>")]
        [Description("Override a spec value, e.g. --set data.frames=16 (repeatable)")]
        public string[] Overrides { get; init; } = [];

        [CommandOption("--runs <DIR>")]
        [Description("Folder that holds run folders (default: runs)")]
        [DefaultValue("runs")]
        public string Runs { get; init; } = "runs";

        [CommandOption("--resume <RUN_DIR>")]
        [Description("Continue an interrupted or stale (killed) run after its last finished epoch; refused (exit 2) while another process runs it")]
        public string? Resume { get; init; }

        public override ValidationResult Validate() =>
            Spec == null && Resume == null ? ValidationResult.Error("give a SPEC file to run, or --resume RUN_DIR")
            : Spec != null && Resume != null ? ValidationResult.Error("give either a SPEC or --resume RUN_DIR, not both")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var catalog = settings.LoadCatalog();
        string commandLine = "dotnet movinet " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1));
        var request = settings.Resume != null
            ? ExperimentRequest.Resume(ExperimentRuns.ForResume(settings.Resume), catalog, commandLine, settings.Overrides)
            : ExperimentRequest.New(settings.Spec!, settings.Overrides, settings.Runs, catalog, commandLine);

        var outcome = await ExperimentConsole.RunAsync(request, loggers, cancellation);
        if (!outcome.Passed)
        {
            AnsiConsole.MarkupLine("[red]expectations not met[/] (exit code 1)");
            return ExitCodes.ExpectationFailed;
        }
        return ExitCodes.Success;
    }
}
