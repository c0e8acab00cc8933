using System.ComponentModel;
using MovinetExp.Experiments;
using MovinetExp.Specs;
using MovinetExp.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MovinetExp.Cli.Commands.Experiment;

/// <summary>`validate SPEC`: checks a spec and prints it resolved, every default filled in and every path
/// absolute: exactly the spec.resolved.yaml that `run` would write.</summary>
internal sealed class ValidateCommand : Command<ValidateCommand.Settings>
{
    public sealed class Settings : CatalogSettings
    {
        [CommandArgument(0, "<SPEC>")]
        [Description("Experiment spec (YAML)")]
        public string Spec { get; init; } = "";

        [CommandOption("--set <KEY=VALUE>")]
        [Description("Override a spec value, e.g. --set train.epochs=5 (repeatable)")]
        public string[] Overrides { get; init; } = [];

        [CommandOption("--schema")]
        [Description("Print the JSON Schema of experiment specs instead")]
        public bool Schema { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        if (settings.Schema)
        {
            Console.Out.WriteLine(SpecSchema.Generate());
            return 0;
        }
        var (spec, _) = SpecResolution.Load(settings.Spec, settings.Overrides, settings.LoadCatalog());
        Console.Out.Write(SpecWriter.ToYaml(spec));
        // On standard error, so the resolved YAML on standard output stays a file of its own.
        Diagnostics.Console.MarkupLineInterpolated($"[green]valid[/]: {settings.Spec} (spec hash {SpecHash.Short(spec)})");
        return 0;
    }
}
