using Microsoft.Extensions.Logging;
using MovinetExp.Catalog;
using MovinetExp.Checkpoints;
using MovinetExp.Common;
using MovinetExp.Models;
using MovinetExp.Specs;
using TorchSharp;
using MovinetExp.Runs;

namespace MovinetExp.Experiments;

/// <summary>
/// Builds the MoViNet the spec describes and loads its checkpoint: the released Kinetics-600 one
/// (`pretrained`), none (random initialisation from the seed), a local path or archive, or
/// `run:NAME`, the final model of the latest completed run of experiment NAME.
/// </summary>
public static class ModelPreparation
{
    public static async Task<PreparedModel> PrepareAsync(ExperimentPlan plan, string runsRoot, int numClasses,
        ToolCatalog catalog, torch.Device device, ILogger log, IProgress<string>? status, CancellationToken cancellation)
    {
        var spec = plan.Spec;
        torch.random.manual_seed(spec.Seed);
        var model = new MovinetClassifier(plan.ModelOptions(numClasses));
        var checkpoint = await ResolveAsync(plan, runsRoot, catalog, status, cancellation);
        CheckpointLoadReport? report = null;
        if (checkpoint != null)
        {
            var mode = LoadModeFor(spec.Model, checkpoint, numClasses);
            status?.Report($"loading {checkpoint.Origin} ({mode})");
            report = MovinetCheckpointLoader.Load(model, checkpoint.Prefix, mode);
            log.LogInformation("loaded {Variables} variables ({Values} values) from {Prefix}, sha256 {Sha}; head variables left freshly initialised: {Skipped}",
                report.VariablesLoaded, report.ValuesLoaded, report.Prefix, checkpoint.Sha256, report.HeadVariablesSkipped);
        }
        model.to(device);
        return new PreparedModel(model, checkpoint, report);
    }

    /// <summary>The spec's load mode with Auto resolved (the checkpoint loader takes only Full or Backbone).</summary>
    private static CheckpointLoadMode LoadModeFor(ModelSpec model, ResolvedCheckpoint checkpoint, int numClasses)
    {
        if (model.Load != CheckpointLoadMode.Auto) return model.Load;
        var detected = CheckpointModelDetector.TryDetect(checkpoint.Prefix);
        if (detected == null || detected.NumClasses == numClasses) return CheckpointLoadMode.Full;
        throw new UsageException(
            $"model.load is auto, but the checkpoint {checkpoint.Origin} classifies {detected.NumClasses} classes and this experiment has {numClasses}. " +
            "To train a new classifier on its backbone (transfer learning), set `model.load: backbone` in the spec.");
    }

    private static async Task<ResolvedCheckpoint?> ResolveAsync(ExperimentPlan plan, string runsRoot,
        ToolCatalog catalog, IProgress<string>? status, CancellationToken cancellation)
    {
        switch (plan.Checkpoint)
        {
            case CheckpointReference.None:
                return null;
            case CheckpointReference.Pretrained:
                var entry = catalog.Checkpoint(plan.Spec.Model.Id, plan.Spec.Model.Variant);
                status?.Report($"fetching {entry.Url}");
                return await CheckpointSource.FetchAsync(entry, catalog,
                    new ThrottledProgress<(long Done, long? Total)>(new SyncProgress<(long Done, long? Total)>(p => status?.Report($"downloading {entry.File}: {p.Done / 1e6:F1} MB")), TimeSpan.FromSeconds(5)), cancellation);
            case CheckpointReference.LatestRunOf run:
                return CheckpointSource.FromPath(LatestCompletedRunModel(runsRoot, run.Experiment), catalog.CacheFolder);
            case CheckpointReference.Files files:
                return CheckpointSource.FromPath(files.Path, catalog.CacheFolder);
            default:
                throw new InvalidOperationException($"Unhandled checkpoint reference {plan.Checkpoint}.");
        }
    }

    /// <summary>The model folder of the newest completed run of <paramref name="experiment"/> under <paramref name="runsRoot"/>.</summary>
    public static string LatestCompletedRunModel(string runsRoot, string experiment) =>
        ExperimentRuns.LatestCompleted(runsRoot, experiment)?.ModelDirectory ?? throw new UsageException(
            $"model.checkpoint is 'run:{experiment}' but there is no completed run of experiment '{experiment}' in {Path.GetFullPath(Path.Combine(runsRoot, experiment))}. " +
            $"Run that experiment first (dotnet movinet run ...), or pass --runs with the folder that holds it.");
}
