namespace MovinetExp.Numerics;

/// <summary>
/// How one problem is computed on this machine: the algorithm used, and the checks that chose it (empty
/// when checking is off). <see cref="Rerouted"/> means the preferred algorithm failed its check here.
/// </summary>
public sealed record ConvRoute(ConvProblem Problem, ConvAlgorithm Algorithm, IReadOnlyList<ConvCheckResult> Checks)
{
    /// <summary>Position in first-use order within the process.</summary>
    public int Order { get; init; }

    public ConvAlgorithm Preferred => ConvAlgorithms.For(Problem)[0];

    /// <summary>The preferred algorithm failed its check here and another one is used.</summary>
    public bool Rerouted => Checks.Count > 1 && Verified;

    /// <summary>False only when no algorithm passed; then the tool refuses to compute (never a silent
    /// wrong number).</summary>
    public bool Verified => Checks.Count > 0 && Checks[^1].Passed;
}
