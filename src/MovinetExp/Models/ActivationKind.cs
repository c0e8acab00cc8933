namespace MovinetExp.Models;

/// <summary>Activation functions used by MoViNet (exact formulas in
/// ../shared/design/movinet-architecture.md §2.2).</summary>
public enum ActivationKind
{
    /// <summary>No activation (identity).</summary>
    Identity,

    /// <summary>x·sigmoid(x).</summary>
    Swish,

    /// <summary>x·relu6(x+3)/6.</summary>
    HardSwish,

    /// <summary>1/(1+e^−x).</summary>
    Sigmoid,

    /// <summary>Piecewise-linear sigmoid; which formula is chosen by <see cref="HardSigmoidKind"/>.</summary>
    HardSigmoid,
}
