using System.ComponentModel;
using MovinetExp.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace MovinetExp.Cli.Commands.Sweep;

/// <summary>The options of `sweep status` and `sweep collect`: a sweep folder and --json.</summary>
internal class SweepFolderSettings : CommandSettings
{
    [CommandArgument(0, "<SWEEP_DIR>")]
    [Description("Sweep folder printed by `dotnet movinet sweep` (runs/sweeps/<experiment>-<timestamp>-<hash>)")]
    public string Sweep { get; init; } = "";

    [CommandOption("--json")]
    [Description("Print one JSON document (points, states, accuracies, verdict) instead of the table")]
    public bool Json { get; init; }
}
