namespace MovinetExp.Evaluation;

/// <summary>
/// The spec's <c>expectations:</c> block. Every threshold is optional; an absent one is not checked.
/// Accuracy and recall thresholds are minimums (fractions in [0, 1]); <see cref="MaxTestLoss"/> is a maximum.
/// </summary>
public sealed record ExpectationThresholds
{
    public double? TestAccuracy { get; init; }
    public double? Top5Accuracy { get; init; }
    public double? VideoAccuracy { get; init; }
    public double? MinClassRecall { get; init; }
    public double? MaxTestLoss { get; init; }

    /// <summary>Minimum gain of top-1 test accuracy over the same head on a random frozen backbone.</summary>
    public double? MinGainOverBaseline { get; init; }
}
