using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using MovinetExp.Cli.Infrastructure;
using MovinetExp.Common;
using MovinetExp.Inference;
using MovinetExp.Models;
using MovinetExp.Specs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MovinetExp.Cli.Commands.Model;

/// <summary>`model summary ID`: layer table, parameter counts, MACs and every TF variable.</summary>
internal sealed class ModelSummaryCommand : Command<ModelSummaryCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("a0, a1, a2, a3, a4 or a5")]
        public string Id { get; init; } = "";

        [CommandOption("--variant <VARIANT>")]
        [DefaultValue("base")]
        public string Variant { get; init; } = "base";

        [CommandOption("--classes <N>")]
        [DefaultValue(600)]
        public int Classes { get; init; } = 600;

        [CommandOption("--frames <T>")]
        [DefaultValue(8)]
        public int Frames { get; init; } = 8;

        [CommandOption("--resolution <R>")]
        [Description("Frame size for the MAC count (default: the model's training resolution)")]
        public int? Resolution { get; init; }

        [CommandOption("--json")]
        [Description("Print {\"model\",\"variant\",\"num_classes\",\"parameters\",\"macs\",\"variables\"}")]
        public bool Json { get; init; }

        /// <summary>Far above any dataset's class count (Kinetics has 600); a head for 2e9 classes would exhaust memory building it.</summary>
        private const int MaxClasses = 100_000;

        public override ValidationResult Validate() => OptionChecks.First(
            ModelIdOption.Validate(Id, ModelIdOption.Argument),
            VariantOption.Validate(Variant),
            OptionChecks.Integer("--classes", Classes, 1, MaxClasses),
            OptionChecks.Integer("--frames", Frames, 1, DataSpec.MaxFrames),
            OptionChecks.Integer("--resolution", Resolution, DataSpec.MinResolution, DataSpec.MaxResolution));
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        string id = EnumNames.Of(ModelIdOption.Parse(settings.Id));
        var options = MovinetOptions.For(id, VariantOption.Parse(settings.Variant), settings.Classes);
        var summary = ModelSummary.Build(options, settings.Frames, settings.Resolution ?? InputSampling.ReleasedResolution(id));
        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
        var layers = new Table().Title($"MoViNet {summary.Model} {summary.Variant}, input {summary.Frames}x{summary.Resolution}x{summary.Resolution}")
            .AddColumns("layer", "kind", "in", "out", "kernel", "stride", "output C,T,H,W", "params", "MMACs");
        foreach (var l in summary.Layers)
            layers.AddRow(new Text(l.Name), new Text(l.Kind), new Text(l.InChannels.ToString(CultureInfo.InvariantCulture)),
                new Text(l.OutChannels.ToString(CultureInfo.InvariantCulture)), new Text(l.Kernel.ToString()!), new Text(l.Stride.ToString()!),
                new Text("[" + string.Join(",", l.OutputShape) + "]"), new Text(l.Parameters.ToString("N0", CultureInfo.InvariantCulture)),
                new Text((l.Macs / 1e6).ToString("F1", CultureInfo.InvariantCulture)));
        AnsiConsole.Write(layers);
        var variables = new Table().Title("TensorFlow checkpoint variables").AddColumns("object path", "shape");
        foreach (var v in summary.Variables) variables.AddRow(new Text(v.Name), new Text("[" + string.Join(",", v.Shape) + "]"));
        AnsiConsole.Write(variables);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"parameters: total {summary.Parameters.Total:N0} (incl. batch-norm statistics), trainable {summary.Parameters.Trainable:N0}, classifier head {summary.Parameters.Head:N0}; {summary.Variables.Count} variables; {summary.Macs / 1e9:F3} GMACs");
        return 0;
    }
}
