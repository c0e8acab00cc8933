using System.ComponentModel;
using System.Globalization;
using MovinetExp.Cli.Commands.Inference;
using MovinetExp.Cli.Infrastructure;
using MovinetExp.Common;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchSharp;
using MovinetExp.Inference.Onnx;

namespace MovinetExp.Cli.Commands.Export;

/// <summary>`export (RUN_DIR | --checkpoint PATH | --model ID) --format onnx -o FILE`: a classifier as an ONNX model.</summary>
internal sealed class ExportCommand : AsyncCommand<ExportCommand.Settings>
{
    public sealed class Settings : ClassifierSourceSettings
    {
        [CommandArgument(0, "[RUN_DIR]")]
        [Description("A run folder: export its final model (with the run's labels and sampling)")]
        public string? Run { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("onnx (the only format)")]
        [DefaultValue("onnx")]
        public string Format { get; init; } = "onnx";

        [CommandOption("-o|--output <FILE>")]
        [Description("The file to write, e.g. model.onnx")]
        public string? Output { get; init; }

        /// <summary>The values of --format.</summary>
        private static readonly string[] Formats = ["onnx"];

        protected override string? RunDirectory => Run;

        protected override string SourceChoices => "RUN_DIR, --model ID [--variant V], or --checkpoint PATH [--model ID --variant V]";

        public override ValidationResult Validate()
        {
            if (ChoiceOption.Validate(Format, "--format", Formats, " (the only export format)") is { Successful: false } badFormat) return badFormat;
            if (Output == null) return ValidationResult.Error("give the file to write with -o FILE.onnx");
            return OptionChecks.First(ValidateSource(), OptionChecks.OutputFile("-o", Output));
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        // Exporting copies the weights out; the CPU is where they are read anyway.
        using var classifier = await settings.LoadTorchAsync(torch.CPU, cancellation);
        OnnxExporter.Export(classifier, settings.Output!);
        var options = classifier.Model.Options;
        Diagnostics.Note($"{classifier.Origin}; SE gate {EnumNames.Of(options.HardSigmoidKind)}");
        string variant = EnumNames.Of(options.Variant);
        string state = options.Causal ? ", with stream state" : "";
        double megabytes = new FileInfo(settings.Output!).Length / 1e6;
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"exported MoViNet {options.ModelId} {variant} ({options.NumClasses} classes) to [bold]{settings.Output}[/] (ONNX opset {OnnxExporter.Opset}, {megabytes:F1} MB{state})");
        return ExitCodes.Success;
    }
}
