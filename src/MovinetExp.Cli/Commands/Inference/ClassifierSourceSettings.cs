using System.ComponentModel;
using System.Globalization;
using MovinetExp.Catalog;
using MovinetExp.Cli.Infrastructure;
using MovinetExp.Common;
using MovinetExp.Inference;
using MovinetExp.Models;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchSharp;

namespace MovinetExp.Cli.Commands.Inference;

/// <summary>
/// Which TorchSharp classifier a command loads: a run's final model, a released model, or any TF checkpoint
/// (`predict`, `stream` and `export` share it). How the run folder is given is the command's choice.
/// </summary>
internal abstract class ClassifierSourceSettings : CatalogSettings
{
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

    /// <summary>The run folder, if the classifier is a run's final model.</summary>
    protected abstract string? RunDirectory { get; }

    /// <summary>How this command's classifier can be chosen, for the error when it is chosen twice or not at all.</summary>
    protected abstract string SourceChoices { get; }

    /// <summary>Exactly one source: the run, --checkpoint (optionally with the --model/--variant it must hold), or --model.</summary>
    /// <param name="others">Other sources the command offers (e.g. predict's --onnx).</param>
    protected ValidationResult ValidateSource(int others = 0)
    {
        string? run = RunDirectory;
        int sources = others + (run != null ? 1 : 0) + (Checkpoint != null ? 1 : 0) + (run == null && Checkpoint == null && Model != null ? 1 : 0);
        if (sources != 1 || run != null && (Model != null || Checkpoint != null) || others > 0 && (Model != null || Variant != null))
            return ValidationResult.Error($"choose the classifier with exactly one of {SourceChoices}");
        if (ModelIdOption.Validate(Model, ModelIdOption.Option) is { Successful: false } badModel) return badModel;
        if (VariantOption.Validate(Variant) is { Successful: false } badVariant) return badVariant;
        return EnumOption<HardSigmoidKind>.Validate(StreamGate, "--stream-gate");
    }

    /// <summary>The SE gate <see cref="StreamGate"/> names. Call after validation has accepted it.</summary>
    public HardSigmoidKind Gate => EnumOption<HardSigmoidKind>.Parse(StreamGate);

    /// <summary>The TorchSharp classifier on <paramref name="device"/>.</summary>
    public async Task<LoadedClassifier> LoadTorchAsync(torch.Device device, CancellationToken cancellation)
    {
        if (RunDirectory != null) return ClassifierLoader.FromRun(RunDirectory, device);
        var catalog = LoadCatalog();
        ModelId? id = ModelIdOption.ParseOptional(Model);
        MovinetVariant? variant = VariantOption.ParseOptional(Variant);
        if (Checkpoint != null)
            return ClassifierLoader.FromCheckpoint(Checkpoint, id is { } expected ? EnumNames.Of(expected) : null, variant,
                Gate, catalog.CacheFolder, device);
        return await ClassifierLoader.PretrainedAsync(id!.Value, variant ?? MovinetVariant.Base, Gate, catalog, device,
            new ThrottledProgress<(long Done, long? Total)>(new SyncProgress<(long Done, long? Total)>(p =>
                Diagnostics.Note(string.Create(CultureInfo.InvariantCulture, $"downloading checkpoint: {p.Done / 1e6:F1} MB{(p.Total is long t ? $" of {t / 1e6:F1}" : "")}"))),
                TimeSpan.FromSeconds(5)), cancellation);
    }
}
