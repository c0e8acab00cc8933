using MovinetExp.Evaluation;

namespace MovinetExp.Inference;

/// <summary>Whole-clip classification; clips of the same size are batched.</summary>
public static class Predictor
{
    public static List<Prediction> Predict(IVideoClassifier classifier, IReadOnlyList<InputClip> clips, int topK, int batchSize)
    {
        var results = new Prediction?[clips.Count];
        foreach (var group in clips.Select((clip, index) => (clip, index)).GroupBy(c => (c.clip.Frames, c.clip.Height, c.clip.Width)))
        {
            foreach (var chunk in group.Chunk(batchSize))
            {
                var (frames, height, width) = group.Key;
                var pixels = chunk.SelectMany(c => c.clip.Pixels).ToArray();
                var logits = classifier.Classify(pixels, chunk.Length, frames, height, width);
                for (int i = 0; i < chunk.Length; i++)
                    results[chunk[i].index] = new Prediction(chunk[i].clip.Name, TopK(logits[i], classifier.Labels, topK), logits[i]);
            }
        }
        return results.Select(r => r!).ToList();
    }

    public static IReadOnlyList<ScoredLabel> TopK(float[] logits, IReadOnlyList<string> labels, int k)
    {
        var probabilities = LogitMath.Softmax(logits);
        return Enumerable.Range(0, probabilities.Length)
            .OrderByDescending(i => probabilities[i]).ThenBy(i => i)
            .Take(Math.Min(k, probabilities.Length))
            .Select(i => new ScoredLabel(labels[i], i, probabilities[i]))
            .ToList();
    }
}
