using Microsoft.Extensions.Logging;
using MovinetExp.Catalog;
using MovinetExp.Common;
using MovinetExp.Data;
using MovinetExp.Data.Loading;
using MovinetExp.Data.Sources;
using MovinetExp.Evaluation;
using MovinetExp.Inference;
using MovinetExp.Native;
using MovinetExp.Runs;

namespace MovinetExp.Experiments;

/// <summary>What `eval` measured: the evaluation and the run's expectations checked against it.</summary>
public sealed record RunEvaluationResult(EvaluationResult Result, IReadOnlyList<ExpectationCheck> Checks)
{
    public bool Passed => Expectations.AllPassed(Checks);
}

/// <summary>
/// `eval RUN_DIR`: a run's final model (or <paramref name="Checkpoint"/>, a TF checkpoint for the run's
/// classes) on the run's test split, found again from its resolved spec, or on every video of
/// <paramref name="DataFolder"/>; checked against the run's expectations, the baseline gate included
/// (against the random-backbone accuracy the run recorded, which was measured on its test split).
/// </summary>
public sealed record RunEvaluation(string RunDirectory, string? DataFolder = null, string? Checkpoint = null)
{
    public async Task<RunEvaluationResult> EvaluateAsync(ToolCatalog catalog, ILogger log, Action<BadVideo> onSkipped,
        CancellationToken cancellation)
    {
        var run = RunFolder.Open(RunDirectory);
        // Resolved again: a run written by an older version may hold relative paths (relative to its folder).
        var (written, runFolder) = SpecResolution.Load(run.SpecResolvedYaml, [], catalog);
        var plan = ExperimentPlan.From(written, runFolder, catalog);
        var spec = plan.Spec;
        var device = ComputeDevice.Select(spec.Train.Device);
        ComputeDevice.ConfigureThreads(spec.Train.Threads);
        using var classifier = Checkpoint != null
            ? ClassifierLoader.FromCheckpoint(Checkpoint, EnumNames.Of(spec.Model.Id),
                spec.Model.Variant, spec.Model.HardSigmoid, catalog.CacheFolder, device,
                (run.ReadLabels(), $"run {run.Directory} (labels.txt)"))
            : ClassifierLoader.FromRun(run.Directory, device);

        IReadOnlyList<VideoItem> items;
        if (DataFolder != null)
        {
            var splits = FolderSource.Load(DataFolder, new SplitRequest(ClassSelection.Named(classifier.Labels), SplitCounts.All, SplitPolicy.Random, spec.Seed));
            items = splits.Train.Concat(splits.Val).Concat(splits.Test).ToList();
        }
        else items = (await DatasetPreparation.PrepareAsync(spec, catalog, log, null, cancellation)).Splits.Test;

        var result = ClipEvaluation.Evaluate(classifier.Model, items, plan.EvalLoader,
            spec.Eval.ClipsPerVideo, classifier.Labels, spec.Eval.TopK, device, onSkipped, cancellation);
        double? baseline = DataFolder == null ? RandomBackboneBaseline.RecordedAccuracy(run.ComparisonJson) : null;
        string noBaseline = DataFolder != null
            ? "not measured: the run's baseline was measured on its own test split, not on --data"
            : "not measured: the run recorded no random-backbone baseline (eval.random_backbone_baseline was off)";
        return new RunEvaluationResult(result, Expectations.Evaluate(plan.Thresholds, result, baseline, noBaseline));
    }
}
