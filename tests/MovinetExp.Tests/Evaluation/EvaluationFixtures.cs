using MovinetExp.Evaluation;

namespace MovinetExp.Tests.Evaluation;

/// <summary>
/// A 3-class, 4-clip example whose every metric is worked out by hand in ClassificationMetricsTests.
/// Clip 3 is a deliberate tie (classes b and c) that the lowest-index rule resolves to b.
/// </summary>
internal static class EvaluationFixtures
{
    public static readonly string[] Names = ["a", "b", "c"];

    public static readonly float[][] Logits =
    [
        [2, 1, 0], // true a, predicted a
        [0, 3, 1], // true b, predicted b
        [1, 0, 2], // true a, predicted c
        [0, 1, 1], // true c, tie b/c -> predicted b
    ];

    public static readonly int[] Labels = [0, 1, 0, 2];

    public static EvaluationResult Compute(int topK = 5) => ClassificationMetrics.Compute(Logits, Labels, Names, topK: topK);
}
