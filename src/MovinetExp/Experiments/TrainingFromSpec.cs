using MovinetExp.Specs;
using MovinetExp.Training;

namespace MovinetExp.Experiments;

/// <summary>The spec's train section as the training layer's objects, in one place for every run that trains.</summary>
public static class TrainingFromSpec
{
    public static OptimizerSetup Optimizer(TrainSpec train, FreezePolicy freeze) =>
        OptimizerSetup.Create(train.Optimizer, train.Lr, train.WeightDecay, train.Momentum,
            freeze.HeadParameters, freeze.BackboneParameters, (train.BackboneLr ?? train.Lr) / train.Lr);

    public static TrainerSettings Settings(ExperimentSpec spec, bool reuseFrozenFeatures, int earlyStoppingPatience) =>
        new(spec.Train.Epochs, spec.Train.BatchSize, spec.Seed, spec.Train.Lr, spec.Train.WarmupEpochs,
            spec.Train.Schedule == ScheduleKind.Cosine, spec.Train.LabelSmoothing, spec.Train.GradClipNorm, earlyStoppingPatience,
            reuseFrozenFeatures);
}
