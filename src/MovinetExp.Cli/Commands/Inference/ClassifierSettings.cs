using System.ComponentModel;
using System.Globalization;
using MovinetExp.Catalog;
using MovinetExp.Cli.Infrastructure;
using MovinetExp.Common;
using MovinetExp.Data.Video;
using MovinetExp.Experiments;
using MovinetExp.Inference;
using MovinetExp.Interop;
using MovinetExp.Models;
using MovinetExp.Native;
using MovinetExp.Specs;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchSharp;

namespace MovinetExp.Cli.Commands.Inference;

/// <summary>Options shared by `predict` and `stream`: which classifier, how to sample the input, what to print.</summary>
internal class ClassifierSettings : CatalogSettings
{
    [CommandArgument(0, "<INPUT>")]
    [Description("Video files or NumPy .npy clips ([[T,H,W,3]] or [[B,T,H,W,3]]); - reads a video from standard input")]
    public string[] Inputs { get; init; } = [];

    [CommandOption("--run <RUN_DIR>")]
    [Description("Use the final model of a run (its own labels and sampling)")]
    public string? Run { get; init; }

    [CommandOption("--model <ID>")]
    [Description("a0..a5: a released Kinetics-600 model (downloaded once), or the expected id of --checkpoint")]
    public string? Model { get; init; }

    [CommandOption("--variant <VARIANT>")]
    [Description("base or stream")]
    public string? Variant { get; init; }

    [CommandOption("--checkpoint <PATH>")]
    [Description("Any MoViNet TF checkpoint: prefix, .index file, folder with a `checkpoint` file, or .tar.gz")]
    public string? Checkpoint { get; init; }

    [CommandOption("--stream-gate <GATE>")]
    [Description("Hard-sigmoid of stream models' SE gate: keras = clip(0.2x+0.5,0,1) (released checkpoints) or relu6 = relu6(x+3)/6")]
    [DefaultValue("keras")]
    public string StreamGate { get; init; } = "keras";

    [CommandOption("--frames <N>")]
    [Description("Frames per clip (default: the run's, else 16)")]
    public int? Frames { get; init; }

    [CommandOption("--frame-step <N>")]
    [Description("Take every N-th source frame (default: the run's, else 5)")]
    public int? FrameStep { get; init; }

    [CommandOption("--fps <FPS>")]
    [Description("Resample to this frame rate instead of --frame-step (streaming models expect their training rate, e.g. 5 fps for A0-A2)")]
    public double? Fps { get; init; }

    [CommandOption("--resolution <PX>")]
    [Description("Square frame size (default: the run's, else the model's training resolution)")]
    public int? Resolution { get; init; }

    [CommandOption("--top <K>")]
    [DefaultValue(5)]
    public int Top { get; init; } = 5;

    [CommandOption("--json")]
    [Description("Print JSON (includes the logits)")]
    public bool Json { get; init; }

    [CommandOption("--logits-out <FILE.npy>")]
    [Description("Write float32 logits [[B, classes]] as a NumPy file")]
    public string? LogitsOut { get; init; }

    [CommandOption("--device <DEVICE>")]
    [Description("auto, cpu or cuda")]
    [DefaultValue("auto")]
    public string Device { get; init; } = "auto";

    /// <summary>Highest --fps accepted: far above any video's rate, low enough to be a rate.</summary>
    private const double MaxFps = 1000;

    public override ValidationResult Validate()
    {
        int sources = (Run != null ? 1 : 0) + (Checkpoint != null ? 1 : 0) + (Run == null && Checkpoint == null && Model != null ? 1 : 0);
        if (Inputs.Length == 0) return ValidationResult.Error("give at least one INPUT (video, .npy or -)");
        if (sources != 1 || Run != null && (Model != null || Checkpoint != null))
            return ValidationResult.Error("choose the classifier with exactly one of --run RUN_DIR, --model ID [--variant V], or --checkpoint PATH [--model ID --variant V]");
        if (ModelIdOption.Validate(Model, ModelIdOption.Option) is { Successful: false } badModel) return badModel;
        if (VariantOption.Validate(Variant) is { Successful: false } badVariant) return badVariant;
        if (StreamGate is not ("keras" or "relu6")) return ValidationResult.Error($"--stream-gate must be keras or relu6, not '{StreamGate}'");
        if (Top < 1) return ValidationResult.Error("--top must be at least 1");
        // The sampling options share the spec's bounds (data.frames, data.frame_step, data.resolution).
        return OptionChecks.First(
            SpecEnumOption<DeviceKind>.Validate(Device, "--device"),
            OptionChecks.Integer("--frames", Frames, 1, DataSpec.MaxFrames),
            OptionChecks.Integer("--frame-step", FrameStep, 1, DataSpec.MaxFrameStep),
            OptionChecks.Positive("--fps", Fps, MaxFps),
            OptionChecks.Integer("--resolution", Resolution, DataSpec.MinResolution, DataSpec.MaxResolution),
            OptionChecks.OutputFile("--logits-out", LogitsOut));
    }

    public HardSigmoidKind Gate => StreamGate == "relu6" ? HardSigmoidKind.Relu6 : HardSigmoidKind.Keras;

    public torch.Device SelectDevice() => ComputeDevice.Select(Device);

    public async Task<LoadedClassifier> LoadAsync(torch.Device device, CancellationToken cancellation)
    {
        if (Run != null) return ClassifierLoader.FromRun(Run, device);
        var catalog = LoadCatalog();
        ModelId? id = ModelIdOption.ParseOptional(Model);
        ModelVariant? variant = VariantOption.ParseOptional(Variant);
        if (Checkpoint != null)
            return ClassifierLoader.FromCheckpoint(Checkpoint, id is { } expected ? SpecNames.Of(expected) : null, variant is { } v ? ModelPreparation.VariantOf(v) : null,
                Gate, catalog.CacheFolder, device);
        return await ClassifierLoader.PretrainedAsync(id!.Value, variant ?? ModelVariant.Base, Gate, catalog, device,
            new ThrottledProgress<(long Done, long? Total)>(new SyncProgress<(long Done, long? Total)>(p =>
                Diagnostics.Note(string.Create(CultureInfo.InvariantCulture, $"downloading checkpoint: {p.Done / 1e6:F1} MB{(p.Total is long t ? $" of {t / 1e6:F1}" : "")}"))),
                TimeSpan.FromSeconds(5)), cancellation);
    }

    /// <summary>The sampling to use: explicit options over the classifier's defaults; --fps turns into a frame step per video.</summary>
    public InputSampling SamplingFor(LoadedClassifier classifier, string? video)
    {
        var d = classifier.DefaultSampling;
        int step = FrameStep ?? d.FrameStep;
        if (Fps is double fps && video != null && !video.EndsWith(".npy", StringComparison.OrdinalIgnoreCase) && File.Exists(video))
            step = Math.Max(1, (int)Math.Round(VideoProbe.Inspect(video).Fps / fps));
        return new InputSampling(Frames ?? d.Frames, step, Resolution ?? d.Resolution, d.Resize);
    }

    public void WriteLogits(IReadOnlyList<float[]> logits)
    {
        if (LogitsOut == null || logits.Count == 0) return;
        try
        {
            NpyWriter.Write(LogitsOut, logits.SelectMany(l => l).ToArray(), [logits.Count, logits[0].Length]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Validate checked the folder; what is left is e.g. a read-only folder or a full disk.
            throw new SpecException($"--logits-out {LogitsOut}: the file cannot be written ({e.Message}). Write it to another place.", e);
        }
        if (!Json) AnsiConsole.MarkupLineInterpolated($"logits written to [bold]{LogitsOut}[/] ([[{logits.Count}, {logits[0].Length}]] float32)");
    }
}
