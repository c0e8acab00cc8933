using MovinetExp.Evaluation;
using MovinetExp.Runs;

namespace MovinetExp.Reporting;

/// <summary>Side-by-side metrics of two evaluated runs, from their metrics.json files.</summary>
public static class RunComparison
{
    /// <summary>Compares the metrics.json of two run folders.</summary>
    /// <exception cref="Common.DataException">A run has no valid metrics.json.</exception>
    public static IReadOnlyList<ComparisonRow> Compare(RunFolder a, RunFolder b) =>
        Compare(MetricsReader.Read(a.MetricsJson), MetricsReader.Read(b.MetricsJson));

    /// <summary>
    /// Summary metrics first (top-1, top-k, loss, macro F1, video accuracy), then recall per class as
    /// "recall[name]" over the union of both runs' classes (A's order, then B's extra classes); a class
    /// missing from one run has a null value there.
    /// </summary>
    public static IReadOnlyList<ComparisonRow> Compare(RunMetrics a, RunMetrics b)
    {
        EvaluationResult ra = a.Result, rb = b.Result;
        string topKName = ra.TopK == rb.TopK ? $"top{ra.TopK}_accuracy" : $"topk_accuracy (A k={ra.TopK}, B k={rb.TopK})";
        var rows = new List<ComparisonRow>
        {
            Row("top1_accuracy", ra.Top1Accuracy, rb.Top1Accuracy),
            Row(topKName, ra.TopKAccuracy, rb.TopKAccuracy),
            Row("mean_loss", ra.MeanLoss, rb.MeanLoss),
            Row("macro_f1", ra.MacroF1, rb.MacroF1),
            Row("video_accuracy", ra.VideoAccuracy, rb.VideoAccuracy),
        };

        Dictionary<string, double> recallA = ra.PerClass.ToDictionary(c => c.ClassName, c => c.Recall, StringComparer.Ordinal);
        Dictionary<string, double> recallB = rb.PerClass.ToDictionary(c => c.ClassName, c => c.Recall, StringComparer.Ordinal);
        foreach (string name in ra.ClassNames.Concat(rb.ClassNames.Where(n => !recallA.ContainsKey(n))))
            rows.Add(Row($"recall[{name}]", Lookup(recallA, name), Lookup(recallB, name)));
        return rows;
    }

    private static ComparisonRow Row(string metric, double? a, double? b) => new(metric, a, b, b - a);

    private static double? Lookup(Dictionary<string, double> map, string key) => map.TryGetValue(key, out double v) ? v : null;
}
