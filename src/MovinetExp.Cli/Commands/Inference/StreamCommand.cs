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
        using var classifier = await settings.LoadAsync(cancellation);
        string input = settings.Inputs[0];
        var sampling = settings.SamplingFor(classifier, input);
        var sources = FrameSource.Open(input, sampling, settings.MaxFrames);
        try
        {
            // Each step is written as it comes and nothing per frame is kept: memory does not grow with the video.
            var finalLogits = new List<float[]>();
            if (settings.Json)
            {
                using var stdout = Console.OpenStandardOutput();
                using var json = new StreamJsonOutput(stdout, classifier, sampling);
                foreach (var source in sources)
                {
                    json.BeginStream(source.Name);
                    var summary = FrameStreamer.Stream(classifier, source, settings.Top, every: 1, json.Frame, cancellation);
                    json.EndStream(summary);
                    finalLogits.Add(summary.FinalLogits);
                }
                json.Finish(stdout);
            }
            else
            {
                Diagnostics.Note($"{classifier.Origin}; every {sampling.FrameStep}th frame at {sampling.Resolution}px; SE gate {EnumNames.Of(classifier.HardSigmoid)}");
                foreach (var source in sources)
                {
                    var summary = FrameStreamer.Stream(classifier, source, settings.Top, settings.Every, s =>
                        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                            $"frame {s.Frame + 1,4}: {string.Join(", ", s.Top.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Label} {t.Probability:0.000}")))}"),
                        cancellation);
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                        $"[bold]{summary.Name}[/]: {string.Join(", ", summary.FinalTop.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Label} {t.Probability:0.000}")))} [grey]({summary.MillisecondsPerFrame:F1} ms/frame, {summary.Frames} frames)[/]");
                    finalLogits.Add(summary.FinalLogits);
                }
            }
            settings.WriteLogits(finalLogits);
        }
        finally
        {
            foreach (var source in sources) source.Dispose();
        }
        return ExitCodes.Success;
    }
}
