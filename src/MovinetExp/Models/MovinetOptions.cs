using MovinetExp.Common;

namespace MovinetExp.Models;

/// <summary>
/// Everything that defines a MoViNet classifier. <see cref="For"/> gives the released
/// configurations; every TF constructor option that matters numerically can be overridden.
/// </summary>
public sealed record MovinetOptions
{
    /// <summary>a0 … a5.</summary>
    public string ModelId { get; init; } = "a0";

    public MovinetVariant Variant { get; init; } = MovinetVariant.Base;

    public int NumClasses { get; init; } = 600;

    /// <summary>Causal temporal padding, cumulative SE pooling; required for streaming.</summary>
    public bool Causal { get; init; }

    public ConvType ConvType { get; init; } = ConvType.Conv3d;

    public SeType SeType { get; init; } = SeType.ThreeD;

    /// <summary>Backbone activation (also used by the SE reduce conv).</summary>
    public ActivationKind Activation { get; init; } = ActivationKind.Swish;

    /// <summary>Activation of the SE gate.</summary>
    public ActivationKind GatingActivation { get; init; } = ActivationKind.Sigmoid;

    /// <summary>Formula used wherever <see cref="ActivationKind.HardSigmoid"/> appears.</summary>
    public HardSigmoidKind HardSigmoidKind { get; init; } = HardSigmoidKind.Keras;

    /// <summary>Sinusoidal position added to the SE squeeze (A3–A5 stream); only valid when causal.</summary>
    public bool UsePositionalEncoding { get; init; }

    /// <summary>Activation after the classifier's hidden conv (swish in the released exports; the A1/A4
    /// stream training yamls say hard_swish, ../shared/design/movinet-architecture.md §1.1 [U]).</summary>
    public ActivationKind HeadActivation { get; init; } = ActivationKind.Swish;

    /// <summary>Dropout before the last classifier conv (training only).</summary>
    public double Dropout { get; init; }

    /// <summary>Final stochastic-depth rate; layer i of N drops its residual branch with rate·i/N.</summary>
    public double StochasticDepthRate { get; init; }

    /// <summary>
    /// Initial value of every block's ReZero scale. TF starts at 0 (each block is the identity at first),
    /// which is right when the weights come from a checkpoint; from scratch it also hides every temporal
    /// convolution (they sit only inside the residual branches), so motion is invisible until the scales
    /// grow. A non-zero start lets from-scratch training see time from the first step.
    /// </summary>
    public double ResidualScaleInit { get; init; }

    /// <summary>Keras BatchNormalization epsilon.</summary>
    public double BatchNormEpsilon { get; init; } = 1e-3;

    /// <summary>Torch-convention momentum: Keras momentum 0.99 means 0.01 here.</summary>
    public double BatchNormMomentum { get; init; } = 0.01;

    /// <summary>The block table of <see cref="ModelId"/>.</summary>
    public ArchitectureSpec Architecture => MovinetArchitectures.Get(ModelId);

    /// <summary>
    /// The released configuration (../shared/design/movinet-architecture.md §1.1). Base: non-causal 3d convs, 3d SE,
    /// swish, sigmoid gate. Stream: causal, 2plus1d convs, 2plus3d SE, hard_swish, hard_sigmoid gate (Keras formula),
    /// positional encoding for A3–A5. Dropout and stochastic depth are 0 (inference settings).
    /// </summary>
    public static MovinetOptions For(string modelId, MovinetVariant variant, int numClasses = 600)
    {
        string id = MovinetArchitectures.Get(modelId).ModelId;
        var options = variant == MovinetVariant.Base
            ? new MovinetOptions { ModelId = id, Variant = variant, NumClasses = numClasses }
            : new MovinetOptions
            {
                ModelId = id,
                Variant = variant,
                NumClasses = numClasses,
                Causal = true,
                ConvType = ConvType.TwoPlusOneD,
                SeType = SeType.TwoPlusThreeD,
                Activation = ActivationKind.HardSwish,
                GatingActivation = ActivationKind.HardSigmoid,
                HardSigmoidKind = HardSigmoidKind.Keras,
                UsePositionalEncoding = id is "a3" or "a4" or "a5",
            };
        options.Validate();
        return options;
    }

    /// <summary>Checks the combination of options.</summary>
    /// <exception cref="UsageException">An option is out of range or options contradict each other.</exception>
    public void Validate()
    {
        _ = Architecture;
        if (NumClasses < 1)
            throw new UsageException($"MoViNet num_classes must be at least 1 (got {NumClasses}).");
        if (UsePositionalEncoding && !Causal)
            throw new UsageException(
                "MoViNet positional encoding is only defined for causal models; set causal or disable it.");
        if (UsePositionalEncoding && SeType == SeType.None)
            throw new UsageException("MoViNet positional encoding is added to the SE squeeze; it needs an se_type.");
        if (Dropout is < 0 or >= 1)
            throw new UsageException($"MoViNet dropout must be in [0, 1) (got {Dropout}).");
        if (StochasticDepthRate is < 0 or >= 1)
            throw new UsageException($"MoViNet stochastic depth rate must be in [0, 1) (got {StochasticDepthRate}).");
    }
}
