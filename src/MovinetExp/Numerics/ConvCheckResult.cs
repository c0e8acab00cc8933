namespace MovinetExp.Numerics;

/// <summary>
/// One algorithm on one problem against float64: the output's largest error relative to the largest
/// reference value, and (training) how far each gradient misses the adjoint identity &lt;gy, y&gt; =
/// &lt;dx, x&gt; = &lt;dw, w&gt;, relative to the norm of gy∘y.
/// </summary>
public sealed record ConvCheckResult(ConvProblem Problem, ConvAlgorithm Algorithm, double OutputError,
    double? InputGradientError, double? WeightGradientError, double Seconds)
{
    /// <summary>
    /// float32 sums of up to a few thousand products agree with float64 to ~1e-6 relative (seen: ≤ 1e-5
    /// on every problem of A0); the wrong kernels this guards against were off by 0.1–1 relative.
    /// </summary>
    public const double Tolerance = 1e-4;

    public bool Passed => OutputError <= Tolerance && (InputGradientError ?? 0) <= Tolerance
        && (WeightGradientError ?? 0) <= Tolerance;

    /// <summary>The worst of the measured errors, for one-line reports.</summary>
    public double WorstError => Math.Max(OutputError, Math.Max(InputGradientError ?? 0, WeightGradientError ?? 0));
}
