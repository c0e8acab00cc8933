using MovinetExp.Catalog;
using MovinetExp.Checkpoints;
using MovinetExp.Common;
using MovinetExp.Data.Video;
using MovinetExp.Models;
using MovinetExp.Specs;
using TorchSharp;
using MovinetExp.Runs;

namespace MovinetExp.Inference;

/// <summary>
/// Loads a classifier for `predict`, `stream` and `eval`: the final model of a run (with the run's own
/// labels and sampling), a released checkpoint from the catalogue, or any TF checkpoint by path. The
/// model id and variant of a checkpoint are detected from its variables; when they are also given, a
/// mismatch is an error naming both.
/// </summary>
public static class ClassifierLoader
{
    public static LoadedClassifier FromRun(string runDirectory, torch.Device device)
    {
        var run = RunFolder.Open(runDirectory);
        if (!File.Exists(Path.Combine(run.ModelDirectory, "checkpoint")))
            throw new CheckpointException($"Run '{run.Directory}' has no final model (model/checkpoint is missing): it did not complete. Resume it with `dotnet movinet run --resume {run.Directory}` or use another run.");
        var spec = SpecLoader.Load(run.SpecResolvedYaml);
        var labels = run.ReadLabels();
        var model = new MovinetClassifier(spec.Model.Options(labels.Count));
        MovinetCheckpointLoader.Load(model, run.ModelDirectory, CheckpointLoadMode.Full);
        string sha256 = CheckpointSource.FromPath(run.ModelDirectory, cacheFolder: "").Sha256;
        var sampling = new InputSampling(spec.Data.Frames, spec.Data.FrameStep, spec.Data.Resolution, spec.Data.Resize);
        return Ready(model, labels, sampling, $"run {run.Directory}", device, sha256);
    }

    public static async Task<LoadedClassifier> PretrainedAsync(ModelId id, MovinetVariant variant, HardSigmoidKind gate, ToolCatalog catalog,
        torch.Device device, IProgress<(long Done, long? Total)>? progress, CancellationToken cancellation)
    {
        var entry = catalog.Checkpoint(id, variant);
        var checkpoint = await CheckpointSource.FetchAsync(entry, catalog, progress, cancellation);
        return FromResolved(checkpoint, EnumNames.Of(id), variant, gate, device);
    }

    /// <param name="modelId">a0..a5, or null to detect it from the checkpoint.</param>
    /// <param name="variant">base/stream, or null to detect it.</param>
    /// <param name="classes">The classes the checkpoint must classify and where they come from (eval: the run's
    /// labels.txt); a checkpoint with another class count is an error. Null: the checkpoint's own labels.</param>
    public static LoadedClassifier FromCheckpoint(string path, string? modelId, MovinetVariant? variant, HardSigmoidKind gate,
        string cacheFolder, torch.Device device, (IReadOnlyList<string> Labels, string Origin)? classes = null) =>
        FromResolved(CheckpointSource.FromPath(path, cacheFolder), modelId, variant, gate, device, classes);

    private static LoadedClassifier FromResolved(ResolvedCheckpoint checkpoint, string? modelId, MovinetVariant? variant, HardSigmoidKind gate,
        torch.Device device, (IReadOnlyList<string> Labels, string Origin)? classes = null)
    {
        var detected = CheckpointModelDetector.TryDetect(checkpoint.Prefix)
            ?? throw new CheckpointException($"{checkpoint.Origin} does not look like a MoViNet classifier checkpoint (no MoViNet block layers or classifier found). `dotnet movinet checkpoint inspect {checkpoint.Prefix}` lists what it holds.");
        if (modelId != null && modelId != detected.ModelId || variant != null && variant != detected.Variant)
            throw new CheckpointException(
                $"You asked for MoViNet {modelId ?? detected.ModelId} {EnumNames.Of(variant ?? detected.Variant)}, " +
                $"but {checkpoint.Origin} holds MoViNet {detected.ModelId} {EnumNames.Of(detected.Variant)} ({detected.NumClasses} classes). " +
                "Drop --model/--variant to use what the checkpoint holds, or pass the matching checkpoint.");
        // Scoring a checkpoint's outputs against other classes would give a meaningless accuracy, not an error.
        if (classes is { } expected && expected.Labels.Count != detected.NumClasses)
            throw new CheckpointException(
                $"{checkpoint.Origin} classifies {detected.NumClasses} classes, but {expected.Origin} has {expected.Labels.Count} classes. " +
                "Pass a checkpoint trained on the same classes (e.g. another run's model/ folder for this spec).");
        var options = MovinetOptions.For(detected.ModelId, detected.Variant, detected.NumClasses) with { HardSigmoidKind = gate };
        var model = new MovinetClassifier(options);
        MovinetCheckpointLoader.Load(model, checkpoint.Prefix, CheckpointLoadMode.Full);
        var labels = classes?.Labels ?? LabelsFor(checkpoint.Prefix, detected.NumClasses);
        var sampling = new InputSampling(16, 5, InputSampling.ReleasedResolution(detected.ModelId), ResizeMode.Pad);
        return Ready(model, labels, sampling, checkpoint.Origin, device, checkpoint.Sha256);
    }

    /// <summary>labels.txt next to the checkpoint (written with every fine-tuned model), else Kinetics-600 for 600 classes, else class_N.</summary>
    private static IReadOnlyList<string> LabelsFor(string prefix, int classes)
    {
        string file = Path.Combine(Path.GetDirectoryName(prefix)!, "labels.txt");
        if (File.Exists(file))
        {
            var labels = File.ReadAllLines(file).Where(l => l.Length > 0).ToArray();
            if (labels.Length == classes) return labels;
        }
        return classes == KineticsLabels.All.Count ? KineticsLabels.All : Enumerable.Range(0, classes).Select(i => $"class_{i}").ToArray();
    }

    private static LoadedClassifier Ready(MovinetClassifier model, IReadOnlyList<string> labels, InputSampling sampling, string origin,
        torch.Device device, string sha256)
    {
        model.to(device);
        model.eval();
        return new LoadedClassifier(model, labels, sampling, origin, device, sha256);
    }
}
