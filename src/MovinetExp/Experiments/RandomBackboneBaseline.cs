using MovinetExp.Reporting;
using Microsoft.Extensions.Logging;
using MovinetExp.Data.Loading;
using MovinetExp.Evaluation;
using MovinetExp.Models;
using MovinetExp.Training;
using TorchSharp;

namespace MovinetExp.Experiments;

/// <summary>
/// The yardstick for a transfer-learning run: the same new head, trained the same way on the same clips,
/// but on a frozen backbone that was never trained (random initialisation from the seed). The gap between
/// the two test accuracies is what the checkpoint's features are worth.
/// </summary>
public static class RandomBackboneBaseline
{
    /// <summary>The baseline's entry in the run's comparison.json, where `eval` finds its accuracy again.</summary>
    public const string ComparisonName = "the same head on a randomly initialised frozen backbone";

    /// <summary>The baseline accuracy a run recorded in <paramref name="comparisonJson"/>, or null when it measured none.</summary>
    public static double? RecordedAccuracy(string comparisonJson) =>
        File.Exists(comparisonJson)
            ? TransferComparison.Read(comparisonJson).Entries.FirstOrDefault(e => e.Name == ComparisonName)?.Accuracy
            : null;

    public static EvaluationResult TrainAndTest(ExperimentPlan plan, PreparedDataset dataset, TrainingData data, ClipLoaderOptions evalOptions,
        string scratchFolder, torch.Device device, ILogger log, IProgress<string>? status, Action<BadVideo> onSkipped, CancellationToken cancellation)
    {
        status?.Report("baseline: training the same head on a randomly initialised frozen backbone");
        var spec = plan.Spec;
        torch.random.manual_seed(spec.Seed);
        using var model = new MovinetClassifier(plan.ModelOptions(dataset.Splits.ClassNames.Count));
        model.to(device);
        var freeze = FreezePolicy.Apply(model, null);
        using var optimizer = plan.Optimizer(freeze);
        // The head alone on a frozen backbone: features computed once, every epoch trained.
        var settings = plan.Training with { ReuseFrozenFeatures = true, EarlyStoppingPatience = 0 };
        var trainer = new Trainer(model, freeze, optimizer, settings, device, log);
        trainer.Run(data, new EpochCheckpointStore(scratchFolder), null, report =>
            log.LogInformation("baseline epoch {Epoch}: train loss {Loss:F4} acc {Acc:F4}", report.Epoch, report.Train.Loss, report.Train.Accuracy),
            null, status, cancellation);
        var result = ClipEvaluation.Evaluate(model, dataset.Splits.Test, evalOptions, spec.Eval.ClipsPerVideo, dataset.Splits.ClassNames,
            spec.Eval.TopK, device, onSkipped, cancellation);
        Directory.Delete(scratchFolder, recursive: true);
        log.LogInformation("baseline (random frozen backbone) test accuracy {Accuracy:F4}", result.Top1Accuracy);
        return result;
    }
}
