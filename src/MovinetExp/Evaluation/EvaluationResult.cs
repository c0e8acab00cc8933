namespace MovinetExp.Evaluation;

/// <summary>
/// Everything measured on one evaluation set. Accuracies are fractions in [0, 1].
/// <see cref="ConfusionMatrix"/>[t, p] counts clips of true class t predicted as class p.
/// <see cref="VideoAccuracy"/> and <see cref="VideoCount"/> are null when no video ids were given.
/// </summary>
public sealed record EvaluationResult(
    IReadOnlyList<string> ClassNames,
    int ClipCount,
    double Top1Accuracy,
    int TopK,
    double TopKAccuracy,
    double MeanLoss,
    double MacroF1,
    IReadOnlyList<ClassMetrics> PerClass,
    int[,] ConfusionMatrix,
    int? VideoCount,
    double? VideoAccuracy)
{
    /// <summary>
    /// The class with the lowest recall among classes present in the set (support &gt; 0; the first such
    /// class on a tie), or null when no class has support. Absent classes are skipped because their recall
    /// is undefined, not bad.
    /// </summary>
    public ClassMetrics? WorstRecallClass =>
        PerClass.Where(c => c.Support > 0).Aggregate((ClassMetrics?)null, (worst, c) => worst == null || c.Recall < worst.Recall ? c : worst);
}
