namespace MovinetExp.Numerics;

/// <summary>
/// How one problem is computed on this machine: the algorithm used, and the checks that chose it (empty
/// when checking is off). <see cref="Rerouted"/> means the preferred algorithm failed its check here.
/// </summary>
public sealed record ConvRoute(ConvProblem Problem, ConvAlgorithm Algorithm, IReadOnlyList<ConvCheckResult> Checks)
{
    public ConvAlgorithm Preferred => ConvAlgorithms.For(Problem)[0];

    public bool Rerouted => Algorithm != Preferred;

    /// <summary>False only when no algorithm passed; then the tool refuses to compute (never a silent
    /// wrong number).</summary>
    public bool Verified => Checks.Count > 0 && Checks[^1].Passed;
}
