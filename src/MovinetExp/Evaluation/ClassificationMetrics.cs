namespace MovinetExp.Evaluation;

/// <summary>
/// Clip-level (and optionally video-level) classification metrics from raw logits.
/// Conventions: the predicted class is the argmax with ties going to the lowest class index; the same
/// ordering ranks classes for top-k; 0/0 in precision, recall or F1 is 0 (see <see cref="ClassMetrics"/>);
/// macro F1 averages over every class in <c>classNames</c>, including classes with no clips.
/// </summary>
public static class ClassificationMetrics
{
    /// <param name="logits">One row per clip, one value per class, unnormalised.</param>
    /// <param name="labels">True class index per clip.</param>
    /// <param name="classNames">Class names, in class-index order.</param>
    /// <param name="videoIds">Optional source-video id per clip; when given, video-level accuracy is also computed.</param>
    /// <param name="topK">k for top-k accuracy; clamped to the class count (with fewer classes every clip is a top-k hit).</param>
    public static EvaluationResult Compute(
        IReadOnlyList<float[]> logits,
        IReadOnlyList<int> labels,
        IReadOnlyList<string> classNames,
        IReadOnlyList<string>? videoIds = null,
        int topK = 5)
    {
        Validate(logits, labels, classNames, topK);
        int classes = classNames.Count;
        int k = Math.Min(topK, classes);

        var confusion = new int[classes, classes];
        int top1Hits = 0, topKHits = 0;
        double lossSum = 0;
        for (int i = 0; i < logits.Count; i++)
        {
            float[] row = logits[i];
            int label = labels[i];
            int predicted = LogitMath.ArgMax(row);
            confusion[label, predicted]++;
            if (predicted == label) top1Hits++;
            if (LogitMath.Rank(row, label) < k) topKHits++;
            lossSum -= LogitMath.LogSoftmax(row)[label];
        }

        IReadOnlyList<ClassMetrics> perClass = PerClassMetrics(confusion, classNames);
        (int VideoCount, double Accuracy)? video = videoIds == null ? null : VideoAccuracy.Compute(logits, labels, videoIds);

        int n = logits.Count;
        return new EvaluationResult(
            ClassNames: classNames.ToArray(),
            ClipCount: n,
            Top1Accuracy: (double)top1Hits / n,
            TopK: k,
            TopKAccuracy: (double)topKHits / n,
            MeanLoss: lossSum / n,
            MacroF1: perClass.Average(c => c.F1),
            PerClass: perClass,
            ConfusionMatrix: confusion,
            VideoCount: video?.VideoCount,
            VideoAccuracy: video?.Accuracy);
    }

    /// <summary>Precision, recall, F1 and support per class from a confusion matrix (rows true, columns predicted).</summary>
    public static IReadOnlyList<ClassMetrics> PerClassMetrics(int[,] confusion, IReadOnlyList<string> classNames)
    {
        int classes = classNames.Count;
        var result = new ClassMetrics[classes];
        for (int c = 0; c < classes; c++)
        {
            int truePositives = confusion[c, c];
            int support = 0, predictedAsC = 0;
            for (int j = 0; j < classes; j++)
            {
                support += confusion[c, j];
                predictedAsC += confusion[j, c];
            }
            double precision = SafeRatio(truePositives, predictedAsC);
            double recall = SafeRatio(truePositives, support);
            double f1 = SafeRatio(2 * precision * recall, precision + recall);
            result[c] = new ClassMetrics(classNames[c], precision, recall, f1, support);
        }
        return result;
    }

    private static double SafeRatio(double numerator, double denominator) => denominator == 0 ? 0 : numerator / denominator;

    private static void Validate(IReadOnlyList<float[]> logits, IReadOnlyList<int> labels, IReadOnlyList<string> classNames, int topK)
    {
        if (classNames.Count == 0) throw new ArgumentException("At least one class name is required.", nameof(classNames));
        if (logits.Count == 0) throw new ArgumentException("Cannot evaluate an empty set: no clips were given.", nameof(logits));
        if (labels.Count != logits.Count)
            throw new ArgumentException($"Got {labels.Count} labels for {logits.Count} logit rows; need one per clip.", nameof(labels));
        if (topK < 1) throw new ArgumentOutOfRangeException(nameof(topK), topK, "top-k needs k >= 1.");
        for (int i = 0; i < logits.Count; i++)
        {
            if (logits[i].Length != classNames.Count)
                throw new ArgumentException($"Clip {i} has {logits[i].Length} logits but there are {classNames.Count} classes.", nameof(logits));
            if (labels[i] < 0 || labels[i] >= classNames.Count)
                throw new ArgumentException($"Clip {i} has label {labels[i]}, outside 0..{classNames.Count - 1}.", nameof(labels));
            foreach (float x in logits[i])
                if (!float.IsFinite(x))
                    throw new ArgumentException($"Clip {i} has a non-finite logit ({x}); the model diverged or the input is corrupt.", nameof(logits));
        }
    }
}
