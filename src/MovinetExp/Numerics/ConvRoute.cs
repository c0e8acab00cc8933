namespace MovinetExp.Numerics;

/// <summary>
/// How one problem is computed on this machine: the algorithm used, and the checks that chose it (empty
/// when checking is off, or when an earlier process's verdict was reused: <see cref="Cached"/>).
/// <see cref="Rerouted"/> means the preferred algorithm failed its check here.
/// </summary>
public sealed record ConvRoute(ConvProblem Problem, ConvAlgorithm Algorithm, IReadOnlyList<ConvCheckResult> Checks)
{
    /// <summary>Position in first-use order within the process.</summary>
    public int Order { get; init; }

    /// <summary>The verdict of an earlier process on this machine that this route reuses instead of checking.</summary>
    public ConvVerdict? Cached { get; init; }

    public ConvAlgorithm Preferred => ConvAlgorithms.For(Problem)[0];

    /// <summary>The preferred algorithm failed its check here and another one is used.</summary>
    public bool Rerouted => Cached?.Rerouted ?? (Checks.Count > 1 && Verified);

    /// <summary>How far the preferred algorithm was off when it failed (null when it passed).</summary>
    public double? PreferredError => Cached is not null ? Cached.PreferredError : Rerouted ? Checks[0].WorstError : null;

    /// <summary>The worst error of the check that chose <see cref="Algorithm"/> (null when none ran).</summary>
    public double? Error => Cached?.Error ?? (Checks.Count > 0 ? Checks[^1].WorstError : null);

    /// <summary>False when no algorithm passed; then the tool refuses to compute (never a silent wrong
    /// number). Also false when checking is off.</summary>
    public bool Verified => Cached is not null || (Checks.Count > 0 && Checks[^1].Passed);
}
