using MovinetExp.Catalog;
using MovinetExp.Data.Loading;
using MovinetExp.Data.Video;
using MovinetExp.Evaluation;
using MovinetExp.Models;
using MovinetExp.Specs;
using MovinetExp.Training;

namespace MovinetExp.Experiments;

/// <summary>
/// One experiment resolved once from its spec, as the layers below take it: the resolved spec (paths,
/// URLs, the synthetic folder; see <see cref="SpecResolution"/>), the typed checkpoint reference, the
/// model options, the clip loaders of training and evaluation, the optimiser and trainer settings, the
/// freeze rule and every expectation including the baseline gate. `run`, `eval`, the baseline and sweeps
/// read their settings here, so a spec value means one thing everywhere.
/// </summary>
public sealed record ExperimentPlan(
    ExperimentSpec Spec,
    string SpecDirectory,
    CheckpointReference Checkpoint,
    int? FreezeUntilBlock,
    ClipLoaderOptions TrainLoader,
    ClipLoaderOptions EvalLoader,
    int TrainSamplings,
    TrainerSettings Training,
    ExpectationThresholds Thresholds)
{
    public static ExperimentPlan From(ExperimentSpec spec, string specDirectory, ToolCatalog catalog)
    {
        spec = SpecResolution.Resolve(spec, specDirectory, catalog);
        var data = spec.Data;
        var train = spec.Train;
        var loader = new ClipLoaderOptions(new ClipSampling(data.Frames, data.FrameStep),
            new FrameFormat(data.Resolution, data.Resolution, data.Resize), train.BatchSize)
        {
            Seed = spec.Seed,
            Workers = data.Workers > 0 ? data.Workers : Math.Max(1, Environment.ProcessorCount),
            OnBadVideo = data.BadFiles,
            CacheDirectory = data.Cache ? Path.Combine(catalog.CacheFolder, "clips") : null,
        };
        return new ExperimentPlan(
            spec,
            specDirectory,
            CheckpointReference.Parse(spec.Model.Checkpoint, specDirectory),
            spec.Model.Freeze switch
            {
                FreezeMode.Backbone => null,
                FreezeMode.None => 0,
                _ => spec.Model.FreezeUntilBlock ?? 0,
            },
            loader with { Start = data.TrainSampling, Shuffle = true },
            loader with { Start = data.TestSampling, Shuffle = false },
            // Several cached samplings only differ where clips start at random.
            data.TrainSampling == ClipStart.Random ? train.CachedSamplings : 1,
            new TrainerSettings(train.Epochs, train.BatchSize, spec.Seed, train.Lr, train.WarmupEpochs, train.Schedule == ScheduleKind.Cosine,
                train.LabelSmoothing, train.GradClipNorm, train.EarlyStoppingPatience, train.FeatureCache == FeatureCacheMode.Auto),
            new ExpectationThresholds
            {
                TestAccuracy = spec.Expect.TestAccuracy,
                Top5Accuracy = spec.Expect.Top5Accuracy,
                VideoAccuracy = spec.Expect.VideoAccuracy,
                MinClassRecall = spec.Expect.MinClassRecall,
                MaxTestLoss = spec.Expect.MaxTestLoss,
                MinGainOverBaseline = spec.Expect.MinGainOverBaseline,
            });
    }

    /// <summary>The model for <paramref name="numClasses"/> classes (known once the data are chosen).</summary>
    public MovinetOptions ModelOptions(int numClasses) => Spec.Model.Options(numClasses);

    /// <summary>The optimiser over what <paramref name="freeze"/> left trainable; backbone_lr as a ratio to lr.</summary>
    public OptimizerSetup Optimizer(FreezePolicy freeze)
    {
        var train = Spec.Train;
        return OptimizerSetup.Create(train.Optimizer, train.Lr, train.WeightDecay, train.Momentum,
            freeze.HeadParameters, freeze.BackboneParameters, (train.BackboneLr ?? train.Lr) / train.Lr);
    }
}
