namespace MovinetExp.Numerics;

/// <summary>How much of a convolution's result <see cref="ConvCheck"/> recomputes in float64.</summary>
public enum ConvCheckCoverage
{
    /// <summary>Output blocks at the corners and centre of the first and last clip (five channels of a
    /// depthwise problem); gradients through the adjoint identity over every element. Fast enough to run
    /// before work starts.</summary>
    Sampled,

    /// <summary>Every element of the output and of both gradients (seconds per problem in float64).</summary>
    Full,
}
