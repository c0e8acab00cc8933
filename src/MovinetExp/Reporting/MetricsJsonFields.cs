namespace MovinetExp.Reporting;

/// <summary>Property names of metrics.json, shared by <see cref="MetricsWriter"/> and <see cref="MetricsReader"/>.</summary>
internal static class MetricsJsonFields
{
    public const string ClipCount = "clip_count";
    public const string Top1Accuracy = "top1_accuracy";
    public const string TopK = "top_k";
    public const string TopKAccuracy = "top_k_accuracy";
    public const string MeanLoss = "mean_loss";
    public const string MacroF1 = "macro_f1";
    public const string VideoCount = "video_count";
    public const string VideoAccuracy = "video_accuracy";
    public const string Classes = "classes";
    public const string PerClass = "per_class";
    public const string Precision = "precision";
    public const string Recall = "recall";
    public const string F1 = "f1";
    public const string Support = "support";
    public const string ConfusionMatrix = "confusion_matrix";
    public const string Expectations = "expectations";
    public const string AllExpectationsPassed = "all_expectations_passed";
    public const string Name = "name";
    public const string Threshold = "threshold";
    public const string Actual = "actual";
    public const string Passed = "passed";
    public const string Detail = "detail";
}
