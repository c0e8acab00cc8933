using MovinetExp.Native;
using MovinetExp.Training;

namespace MovinetExp.Specs;

/// <summary>The <c>train:</c> section: optimiser, schedule and training loop.</summary>
public sealed record TrainSpec
{
    [SpecField("Passes over the training clips.", Min = 1, Max = 10000)]
    public int Epochs { get; init; } = 2;

    [SpecField("Clips per optimiser step.", Min = 1, Max = 4096)]
    public int BatchSize { get; init; } = 8;

    [SpecField("The optimiser.")]
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    [SpecField("Learning rate (of the classifier, and of the backbone unless backbone_lr is set).", Min = 0, ExclusiveMin = true)]
    public double Lr { get; init; } = 0.001;

    [SpecField("Learning rate of unfrozen backbone parameters (needs freeze other than backbone).", Min = 0, ExclusiveMin = true)]
    public double? BackboneLr { get; init; }

    [SpecField("L2 weight decay (decoupled for adamw).", Min = 0)]
    public double WeightDecay { get; init; } = 0.0;

    [SpecField("Momentum for sgd and rmsprop.", Min = 0, Max = 1)]
    public double Momentum { get; init; } = 0.9;

    [SpecField("Learning-rate schedule after warm-up.")]
    public ScheduleKind Schedule { get; init; } = ScheduleKind.Constant;

    [SpecField("Epochs of linear warm-up from 0 to lr; must be less than epochs.", Min = 0)]
    public int WarmupEpochs { get; init; } = 0;

    [SpecField("Label smoothing of the cross-entropy loss.", Min = 0, Max = 0.99)]
    public double LabelSmoothing { get; init; } = 0.0;

    [SpecField("Clip the global gradient norm to this value; 0 = off.", Min = 0)]
    public double GradClipNorm { get; init; } = 0.0;

    [SpecField("Stop after this many epochs without validation improvement; 0 = off.", Min = 0, Max = 10000)]
    public int EarlyStoppingPatience { get; init; } = 0;

    [SpecField("auto: compute frozen-backbone features once and reuse them when nothing before the classifier trains; off: always run the backbone.")]
    public FeatureCacheMode FeatureCache { get; init; } = FeatureCacheMode.Auto;

    [SpecField("With the feature cache: random samplings cached per training clip (1 = one fixed sampling).", Min = 1, Max = 64)]
    public int CachedSamplings { get; init; } = 1;

    [SpecField("Intra-op threads; 0 = one per core.", Min = 0, Max = 1024)]
    public int Threads { get; init; } = 0;

    [SpecField("auto: CUDA when available, else CPU.")]
    public DeviceKind Device { get; init; } = DeviceKind.Auto;

    [SpecField("Also write TensorBoard event files.")]
    public bool Tensorboard { get; init; } = false;
}
