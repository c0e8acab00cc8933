namespace MovinetExp.Numerics;

/// <summary>
/// Verdicts of earlier processes on this machine. The full check of a model's problems takes seconds (it
/// runs every convolution, forward and backward, and recomputes parts in float64); kernels are chosen by
/// shape, layout, threads, instruction sets and oneDNN version, so a verdict found under the same kernel
/// environment still holds. An implementation must keep verdicts of different kernel environments apart.
/// </summary>
public interface IConvVerdictCache
{
    ConvVerdict? Find(ConvProblem problem);

    /// <summary>Keeps a route that a check just verified.</summary>
    void Remember(ConvRoute route);
}
