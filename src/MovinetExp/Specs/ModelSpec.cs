using MovinetExp.Common;
using MovinetExp.Checkpoints;
using MovinetExp.Models;

namespace MovinetExp.Specs;

/// <summary>The <c>model:</c> section: architecture, starting weights and what is trained.</summary>
public sealed record ModelSpec
{
    /// <summary>Number of classes of the released Kinetics-600 checkpoints.</summary>
    public const int CheckpointClasses = 600;

    [SpecField("MoViNet size.")]
    public ModelId Id { get; init; } = ModelId.A0;

    [SpecField("base: whole-clip model; stream: causal model that can run frame by frame.")]
    public MovinetVariant Variant { get; init; } = MovinetVariant.Base;

    [SpecField("pretrained (download the Kinetics-600 checkpoint), none (random init) or a path to a checkpoint folder or .tar.gz.")]
    public string Checkpoint { get; init; } = "pretrained";

    [SpecField("auto: every variable when the checkpoint's classes match the experiment's, otherwise an error (transfer learning must be explicit); full: every variable; backbone: all but the classifier (a new head for new classes).")]
    public CheckpointLoadMode Load { get; init; } = CheckpointLoadMode.Auto;

    [SpecField("backbone: train only the classifier; none: train everything; from_block: freeze blocks below freeze_until_block.")]
    public FreezeMode Freeze { get; init; } = FreezeMode.Backbone;

    [SpecField("With freeze: from_block, blocks with index < N stay frozen (0 = train every block).", Min = 0, Max = 4)]
    public int? FreezeUntilBlock { get; init; }

    [SpecField("Dropout before the last classifier layer.", Min = 0, Max = 0.95)]
    public double Dropout { get; init; } = 0.0;

    [SpecField("Stochastic-depth drop rate of the deepest block layer (earlier layers scale linearly with depth).", Min = 0, Max = 0.9)]
    public double StochasticDepth { get; init; } = 0.0;

    [SpecField("Initial ReZero scale of every block when the weights do not come from a checkpoint (TF uses 0; from scratch, 0.5 lets the temporal convolutions be seen from the first step).", Min = 0, Max = 2)]
    public double ResidualScaleInit { get; init; } = 0.0;

    [SpecField("Override causal convolutions (true gives a streamable model); default: the variant's own setting.")]
    public bool? Causal { get; init; }

    [SpecField("Gate formula of the stream models' squeeze-excitation: keras = clip(0.2x + 0.5, 0, 1) (what the released checkpoints were trained with); relu6 = relu6(x + 3) / 6.")]
    public HardSigmoidKind HardSigmoid { get; init; } = HardSigmoidKind.Keras;

    /// <summary>The model layer's options for this section and <paramref name="numClasses"/> classes: the released
    /// configuration of the id and variant with the section's overrides.</summary>
    public MovinetOptions Options(int numClasses)
    {
        var options = MovinetOptions.For(EnumNames.Of(Id), Variant, numClasses) with
        {
            Dropout = Dropout,
            StochasticDepthRate = StochasticDepth,
            ResidualScaleInit = ResidualScaleInit,
            HardSigmoidKind = HardSigmoid,
        };
        return Causal is bool causal ? options with { Causal = causal } : options;
    }

    /// <summary>Whether the model uses causal convolutions: <see cref="Causal"/> when set, else true for the stream variant.</summary>
    public bool IsCausal => Causal ?? Variant == MovinetVariant.Stream;
}
