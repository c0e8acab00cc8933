using System.ComponentModel;
using System.Globalization;
using MovinetExp.Cli.Infrastructure;
using MovinetExp.Common;
using MovinetExp.Inference;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MovinetExp.Cli.Commands.Inference;

/// <summary>`stream INPUT`: frame-by-frame classification with a causal model's stream buffers.</summary>
internal sealed class StreamCommand : AsyncCommand<StreamCommand.Settings>
{
    public sealed class Settings : ClassifierSettings
    {
        [CommandOption("--every <N>")]
        [Description("Print the running top-K every N frames")]
        [DefaultValue(10)]
        public int Every { get; init; } = 10;

        [CommandOption("--max-frames <N>")]
        [Description("Stop after N sampled frames (0 = the whole video)")]
        [DefaultValue(0)]
        public int MaxFrames { get; init; }

        public override ValidationResult Validate() =>
            Inputs.Length != 1 ? ValidationResult.Error("stream takes exactly one INPUT") :
            OptionChecks.First(OptionChecks.AtLeast("--every", Every, 1), OptionChecks.AtLeast("--max-frames", MaxFrames, 0), base.Validate());
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var device = settings.SelectDevice();
        using var classifier = await settings.LoadAsync(device, cancellation);
        string input = settings.Inputs[0];
        var sampling = settings.SamplingFor(classifier, input);
        var clips = InputClips.Read(input, sampling, wholeVideo: true, settings.MaxFrames);
        var results = clips.Select(c => FrameStreamer.Stream(classifier, c, settings.Top, settings.Json ? 1 : settings.Every, device, cancellation)).ToList();
        settings.WriteLogits(results.Select(r => r.FinalLogits).ToList());

        if (settings.Json)
        {
            JsonOutput.Write(new
            {
                classifier = classifier.Origin,
                hard_sigmoid = classifier.Model.Options.HardSigmoidKind.ToString().ToLowerInvariant(),
                frame_step = sampling.FrameStep,
                resolution = sampling.Resolution,
                streams = results.Select(r => new
                {
                    input = r.Name,
                    frames = r.Steps.Select(s => new { frame = s.Frame, probabilities = s.Probabilities }),
                    final_top = r.FinalTop.Select(t => new { label = t.Label, index = t.Index, probability = t.Probability }),
                    final_logits = r.FinalLogits,
                    ms_per_frame = r.MillisecondsPerFrame,
                }),
            });
            return ExitCodes.Success;
        }
        Diagnostics.Note($"{classifier.Origin}; every {sampling.FrameStep}th frame at {sampling.Resolution}px; SE gate {classifier.Model.Options.HardSigmoidKind.ToString().ToLowerInvariant()}");
        foreach (var r in results)
        {
            foreach (var s in r.Steps)
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"frame {s.Frame + 1,4}: {string.Join(", ", s.Top.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Label} {t.Probability:0.000}")))}");
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"[bold]{r.Name}[/]: {string.Join(", ", r.FinalTop.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Label} {t.Probability:0.000}")))} [grey]({r.MillisecondsPerFrame:F1} ms/frame)[/]");
        }
        return ExitCodes.Success;
    }
}
