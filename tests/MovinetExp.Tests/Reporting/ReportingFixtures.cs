using MovinetExp.Evaluation;
using MovinetExp.Reporting;

namespace MovinetExp.Tests.Reporting;

/// <summary>Deterministic inputs for reporting tests: confusion matrices, class names and histories.</summary>
internal static class ReportingFixtures
{
    /// <summary>UCF101-like names, long enough to stress axis labels.</summary>
    public static string[] ClassNames(int count) =>
        Enumerable.Range(0, count).Select(i => i % 3 == 0 ? $"ApplyEyeMakeup{i:D3}" : i % 3 == 1 ? $"Bowling{i}" : $"PlayingDaf_{i}").ToArray();

    /// <summary>A mostly-diagonal matrix with a predictable spread of mistakes (no randomness).</summary>
    public static int[,] Matrix(int n)
    {
        var m = new int[n, n];
        for (int t = 0; t < n; t++)
        {
            m[t, t] = 8 + t % 5;
            m[t, (t + 1) % n] += t % 3;
            m[t, (t * 7 + 3) % n] += 1;
        }
        return m;
    }

    public static HistoryRow[] History(int epochs, bool withValidation = true) =>
        Enumerable.Range(1, epochs).Select(e => new HistoryRow(
            e, 2.0 / e, 1 - 0.6 / e, withValidation ? 2.2 / e + 0.05 : null, withValidation ? 0.95 - 0.7 / e : null,
            1e-3 * Math.Pow(0.9, e - 1), 12.5 + e)).ToArray();

    /// <summary>An evaluation of 3 clips over the 3-class names a, b, c.</summary>
    public static EvaluationResult SmallResult(float shift = 0) => ClassificationMetrics.Compute(
        [[2 + shift, 1, 0], [0, 3, 1], [1, 0, 2]], [0, 1, 0], ["a", "b", "c"], ["v1", "v2", "v1"]);
}
