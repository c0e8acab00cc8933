namespace MovinetExp.Evaluation;

/// <summary>Checks an <see cref="EvaluationResult"/> against the spec's expectation thresholds.</summary>
public static class Expectations
{
    /// <summary>
    /// One check per threshold that is set, in a fixed order (test_accuracy, top5_accuracy, video_accuracy,
    /// min_class_recall, max_test_loss, min_gain_over_baseline). Minimums pass when actual &gt;= threshold; max_test_loss passes when
    /// actual &lt;= threshold. min_class_recall compares the worst present class and names it.
    /// </summary>
    /// <param name="baselineAccuracy">Top-1 test accuracy of the random-backbone baseline, for min_gain_over_baseline
    /// (checked last); null when none was measured, which fails that check with <paramref name="noBaseline"/> as the reason.</param>
    public static IReadOnlyList<ExpectationCheck> Evaluate(ExpectationThresholds thresholds, EvaluationResult result,
        double? baselineAccuracy = null, string noBaseline = "not measured: eval.random_backbone_baseline is off")
    {
        var checks = new List<ExpectationCheck>();
        if (thresholds.TestAccuracy is double accuracy)
            checks.Add(AtLeast("test_accuracy", accuracy, result.Top1Accuracy));
        if (thresholds.Top5Accuracy is double top5)
            checks.Add(Top5(top5, result));
        if (thresholds.VideoAccuracy is double video)
            checks.Add(result.VideoAccuracy is double actualVideo
                ? AtLeast("video_accuracy", video, actualVideo)
                : new ExpectationCheck("video_accuracy", video, null, false, "not measured: clips carry no video ids"));
        if (thresholds.MinClassRecall is double recall)
            checks.Add(MinClassRecall(recall, result));
        if (thresholds.MaxTestLoss is double loss)
            checks.Add(new ExpectationCheck("max_test_loss", loss, result.MeanLoss, result.MeanLoss <= loss));
        if (thresholds.MinGainOverBaseline is double minGain)
            checks.Add(baselineAccuracy is double baseline
                ? new ExpectationCheck("min_gain_over_baseline", minGain, result.Top1Accuracy - baseline, result.Top1Accuracy - baseline >= minGain,
                    $"{result.Top1Accuracy:F4} vs random backbone {baseline:F4}")
                : new ExpectationCheck("min_gain_over_baseline", minGain, null, false, noBaseline));
        return checks;
    }

    /// <summary>True when every check passed (also true for an empty list).</summary>
    public static bool AllPassed(IEnumerable<ExpectationCheck> checks) => checks.All(c => c.Passed);

    private static ExpectationCheck AtLeast(string name, double threshold, double actual) =>
        new(name, threshold, actual, actual >= threshold);

    private static ExpectationCheck Top5(double threshold, EvaluationResult result)
    {
        const string name = "top5_accuracy";
        if (result.TopK == 5)
            return AtLeast(name, threshold, result.TopKAccuracy);
        // Compute clamps k to the class count; with fewer than 5 classes top-5 is that clamped value (trivially 1).
        if (result.TopK == result.ClassNames.Count && result.TopK < 5)
            return new ExpectationCheck(name, threshold, result.TopKAccuracy, result.TopKAccuracy >= threshold,
                $"only {result.TopK} classes, so every clip is a top-5 hit");
        return new ExpectationCheck(name, threshold, null, false, $"not measured: evaluation computed top-{result.TopK}, not top-5");
    }

    private static ExpectationCheck MinClassRecall(double threshold, EvaluationResult result)
    {
        ClassMetrics? worst = result.WorstRecallClass;
        if (worst == null)
            return new ExpectationCheck("min_class_recall", threshold, null, false, "not measured: no class has test clips");
        bool passed = worst.Recall >= threshold;
        return new ExpectationCheck("min_class_recall", threshold, worst.Recall, passed, $"worst class: {worst.ClassName}");
    }
}
