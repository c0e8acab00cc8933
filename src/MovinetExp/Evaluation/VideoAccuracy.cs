namespace MovinetExp.Evaluation;

/// <summary>
/// Multi-clip evaluation: a video's prediction is the argmax of the mean softmax probability over its clips
/// (averaging probabilities, not logits, so one over-confident clip cannot outvote the rest by scale alone).
/// </summary>
public static class VideoAccuracy
{
    /// <summary>Returns (number of distinct videos, fraction of videos whose averaged prediction is right).</summary>
    /// <exception cref="ArgumentException">Clips of one video carry different labels.</exception>
    public static (int VideoCount, double Accuracy) Compute(
        IReadOnlyList<float[]> logits, IReadOnlyList<int> labels, IReadOnlyList<string> videoIds)
    {
        if (videoIds.Count != logits.Count)
            throw new ArgumentException($"Got {videoIds.Count} video ids for {logits.Count} clips; need one per clip.", nameof(videoIds));

        // Ordinal keys, first-seen order: the result must not depend on culture or hash seeds.
        var sums = new Dictionary<string, (double[] Probabilities, int Label)>(StringComparer.Ordinal);
        for (int i = 0; i < logits.Count; i++)
        {
            double[] p = LogitMath.Softmax(logits[i]);
            if (!sums.TryGetValue(videoIds[i], out var entry))
            {
                sums[videoIds[i]] = (p, labels[i]);
                continue;
            }
            if (entry.Label != labels[i])
                throw new ArgumentException(
                    $"Video '{videoIds[i]}' has clips labelled {entry.Label} and {labels[i]}; all clips of a video must share its label.",
                    nameof(labels));
            for (int c = 0; c < p.Length; c++) entry.Probabilities[c] += p[c];
        }

        // Dividing every class by the same clip count cannot change the argmax, so the sums are compared directly.
        int correct = sums.Values.Count(v => LogitMath.ArgMax(v.Probabilities) == v.Label);
        return (sums.Count, (double)correct / sums.Count);
    }
}
