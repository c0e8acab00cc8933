using System.ComponentModel;
using System.Globalization;
using MovinetExp.Cli.Infrastructure;
using MovinetExp.Common;
using MovinetExp.Health;
using MovinetExp.Models;
using MovinetExp.Native;
using MovinetExp.Numerics;
using MovinetExp.Specs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MovinetExp.Cli.Commands.Doctor;

/// <summary>
/// `doctor`: which convolution kernels this machine runs for a model, and whether each gives correct
/// numbers (float64 reference). Exit 0 when every problem is computed correctly, 5 when one is not.
/// </summary>
internal sealed class DoctorCommand : Command<DoctorCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--model <ID>")]
        [Description("a0 … a5")]
        [DefaultValue("a0")]
        public string Model { get; init; } = "a0";

        [CommandOption("--variant <VARIANT>")]
        [Description("base or stream (stream adds the frame-by-frame workload)")]
        [DefaultValue("base")]
        public string Variant { get; init; } = "base";

        [CommandOption("--batch <N>")]
        [DefaultValue(8)]
        public int Batch { get; init; } = 8;

        [CommandOption("--frames <T>")]
        [DefaultValue(8)]
        public int Frames { get; init; } = 8;

        [CommandOption("--resolution <R>")]
        [DefaultValue(172)]
        public int Resolution { get; init; } = 172;

        [CommandOption("--threads <N>")]
        [Description("Intra-op threads (default: one per core); kernels differ with the thread count")]
        public int? Threads { get; init; }

        [CommandOption("--full")]
        [Description("Compare every output and gradient element in float64 (slower) instead of the start-up check's samples")]
        public bool Full { get; init; }

        [CommandOption("--json")]
        [Description("Print the diagnosis as JSON")]
        public bool Json { get; init; }

        public override ValidationResult Validate() => OptionChecks.First(
            ModelIdOption.Validate(Model, "--model"),
            VariantOption.Validate(Variant),
            OptionChecks.Integer("--batch", Batch, 1, 64),
            OptionChecks.Integer("--frames", Frames, 1, DataSpec.MaxFrames),
            OptionChecks.Integer("--resolution", Resolution, DataSpec.MinResolution, DataSpec.MaxResolution),
            OptionChecks.Integer("--threads", Threads, 1, 1024));
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        ComputeDevice.ConfigureThreads(settings.Threads ?? 0);
        var variant = VariantOption.Parse(settings.Variant);
        var options = MovinetOptions.For(EnumNames.Of(ModelIdOption.Parse(settings.Model)), variant);
        var workloads = variant == MovinetVariant.Stream
            ? new[] { NumericsWorkload.Inference, NumericsWorkload.Training, NumericsWorkload.Streaming }
            : new[] { NumericsWorkload.Inference, NumericsWorkload.Training };
        var diagnosis = NumericsDoctor.Diagnose(options, workloads, settings.Batch, settings.Frames, settings.Resolution,
            settings.Full ? ConvCheckCoverage.Full : ConvCheckCoverage.Sampled, cancellation);
        if (settings.Json) JsonOutput.Write(DoctorJson.From(diagnosis));
        else Print(diagnosis, options, settings);
        return diagnosis.AllCorrect ? ExitCodes.Success : ExitCodes.Numerics;
    }

    private static void Print(NumericsDiagnosis diagnosis, MovinetOptions options, Settings settings)
    {
        var e = diagnosis.Environment;
        Console.Out.WriteLine($"CPU:        {e.CpuModel}; {e.InstructionSets}");
        Console.Out.WriteLine($"oneDNN:     {e.OneDnnVersion} (LibTorch {e.LibTorchVersion}); ONEDNN_MAX_CPU_ISA {e.IsaCap ?? "not set"}");
        Console.Out.WriteLine($"threads:    {e.Threads}");
        Console.Out.WriteLine($"routing:    {(diagnosis.RoutingEnabled ? "on" : "OFF (MOVINET_CONV_ROUTING=libtorch)")}; check: {(settings.Full ? "every element" : "sampled")} vs float64");
        Console.Out.WriteLine($"model:      {options.ModelId} {EnumNames.Of(options.Variant)}, batch {settings.Batch}, {settings.Frames}x{settings.Resolution}x{settings.Resolution}");
        var table = new PlainTable(new[] { "workload", "problem", "algorithm", "error", "result" });
        foreach (var row in diagnosis.Rows)
            table.AddRow(new[]
            {
                EnumNames.Of(row.Workload), row.Route.Problem.ToString(),
                row.Route.Algorithm + (row.Route.Rerouted ? " (rerouted)" : ""),
                row.Verdict.WorstError.ToString("0.0E+0", CultureInfo.InvariantCulture),
                row.Verdict.Passed ? "ok" : "WRONG",
            });
        table.Write(Console.Out);
        int wrong = diagnosis.Rows.Count(r => !r.Verdict.Passed);
        Console.Out.WriteLine($"{diagnosis.Rows.Count} problems: {(wrong == 0 ? "all correct" : $"{wrong} WRONG")}, " +
            $"{diagnosis.Rerouted} rerouted because the preferred algorithm was wrong here");
    }
}
