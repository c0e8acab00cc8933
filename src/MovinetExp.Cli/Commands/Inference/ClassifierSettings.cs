using System.ComponentModel;
using System.Globalization;
using MovinetExp.Catalog;
using MovinetExp.Cli.Infrastructure;
using MovinetExp.Common;
using MovinetExp.Data.Video;
using MovinetExp.Experiments;
using MovinetExp.Inference;
using MovinetExp.Inference.Onnx;
using MovinetExp.Interop;
using MovinetExp.Models;
using MovinetExp.Native;
using MovinetExp.Specs;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchSharp;

namespace MovinetExp.Cli.Commands.Inference;

/// <summary>Options shared by `predict` and `stream`: which classifier and engine, how to sample the input, what to print.</summary>
internal class ClassifierSettings : ClassifierSourceSettings
{
    [CommandArgument(0, "<INPUT>")]
    [Description("Video files or NumPy .npy clips ([[T,H,W,3]] or [[B,T,H,W,3]]); - reads a video from standard input")]
    public string[] Inputs { get; init; } = [];

    [CommandOption("--run <RUN_DIR>")]
    [Description("Use the final model of a run (its own labels and sampling)")]
    public string? Run { get; init; }

    [CommandOption("--engine <ENGINE>")]
    [Description("torch (TorchSharp, from --run, --model or --checkpoint) or onnx (ONNX Runtime, from --onnx); default: onnx with --onnx, else torch")]
    public string? Engine { get; init; }

    [CommandOption("--onnx <FILE>")]
    [Description("An ONNX model written by `dotnet movinet export` (runs on ONNX Runtime; labels and sampling from its metadata)")]
    public string? Onnx { get; init; }

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
    [Description("auto, cpu or cuda: CUDA when the engine has it (a CUDA LibTorch; the ONNX Runtime GPU package) and a GPU is usable")]
    [DefaultValue("auto")]
    public string Device { get; init; } = "auto";

    /// <summary>The values of --engine: TorchSharp or ONNX Runtime.</summary>
    private static readonly string[] Engines = ["torch", "onnx"];

    /// <summary>Highest --fps accepted: far above any video's rate, low enough to be a rate.</summary>
    private const double MaxFps = 1000;

    protected override string? RunDirectory => Run;

    protected override string SourceChoices =>
        "--run RUN_DIR, --model ID [--variant V], --checkpoint PATH [--model ID --variant V], or --onnx FILE.onnx";

    public override ValidationResult Validate()
    {
        if (Inputs.Length == 0) return ValidationResult.Error("give at least one INPUT (video, .npy or -)");
        if (ChoiceOption.Validate(Engine, "--engine", Engines) is { Successful: false } badEngine) return badEngine;
        if (Engine == "onnx" && Onnx == null)
            return ValidationResult.Error("--engine onnx runs an exported model: pass it with --onnx FILE.onnx (written by `dotnet movinet export RUN_DIR --format onnx -o FILE.onnx`)");
        if (Engine == "torch" && Onnx != null)
            return ValidationResult.Error("--onnx FILE runs on ONNX Runtime: drop --engine torch, or choose a TorchSharp model with --run, --model or --checkpoint");
        // The gate is part of an exported graph; asking for another one at run time could only be ignored.
        // (A misspelt gate is left to ValidateSource, which names the gates.)
        if (Onnx != null && EnumNames.TryParse(StreamGate, out HardSigmoidKind gate) && gate != HardSigmoidKind.Keras)
            return ValidationResult.Error("--stream-gate is fixed when a model is exported (its metadata says which): export it again with --stream-gate relu6 instead");
        if (ValidateSource(others: Onnx != null ? 1 : 0) is { Successful: false } badSource) return badSource;
        if (Top < 1) return ValidationResult.Error("--top must be at least 1");
        // The sampling options share the spec's bounds (data.frames, data.frame_step, data.resolution).
        return OptionChecks.First(
            EnumOption<DeviceKind>.Validate(Device, "--device"),
            OptionChecks.Integer("--frames", Frames, 1, DataSpec.MaxFrames),
            OptionChecks.Integer("--frame-step", FrameStep, 1, DataSpec.MaxFrameStep),
            OptionChecks.Positive("--fps", Fps, MaxFps),
            OptionChecks.Integer("--resolution", Resolution, DataSpec.MinResolution, DataSpec.MaxResolution),
            OptionChecks.OutputFile("--logits-out", LogitsOut));
    }

    /// <summary>The classifier on the chosen engine: ONNX Runtime for --onnx (CUDA when available and allowed by
    /// --device), else TorchSharp on --device.</summary>
    public async Task<IVideoClassifier> LoadAsync(CancellationToken cancellation) =>
        Onnx != null ? OnnxClassifier.Open(Onnx, DeviceChoice) : await LoadTorchAsync(ComputeDevice.Select(DeviceChoice), cancellation);

    private DeviceKind DeviceChoice => EnumOption<DeviceKind>.Parse(Device);

    /// <summary>The sampling to use: explicit options over the classifier's defaults; --fps turns into a frame step per video.</summary>
    public InputSampling SamplingFor(IVideoClassifier classifier, string? video)
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
            throw new UsageException($"--logits-out {LogitsOut}: the file cannot be written ({e.Message}). Write it to another place.", e);
        }
        if (!Json) AnsiConsole.MarkupLineInterpolated($"logits written to [bold]{LogitsOut}[/] ([[{logits.Count}, {logits[0].Length}]] float32)");
    }
}
