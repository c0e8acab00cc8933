using MovinetExp.Data;
using MovinetExp.Data.Loading;
using MovinetExp.Data.Video;
using MovinetExp.Evaluation;
using MovinetExp.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MovinetExp.Experiments;

/// <summary>
/// Classifies the clips of a split with a trained model and measures them. With K clips per video, the
/// clips are K random samplings keyed by k (deterministic for the seed), and their averaged probabilities
/// give the video-level accuracy; with one clip the split's own sampling mode is used.
/// </summary>
public static class ClipEvaluation
{
    public static EvaluationResult Evaluate(nn.Module<Tensor, Tensor> model, IReadOnlyList<VideoItem> items, ClipLoaderOptions options,
        int clipsPerVideo, IReadOnlyList<string> classNames, int topK, Device device, Action<BadVideo> onSkipped, CancellationToken cancellation)
    {
        var logits = new List<float[]>();
        var labels = new List<int>();
        var videos = new List<string>();
        var perClip = clipsPerVideo > 1 ? options with { Start = ClipStart.Random, Shuffle = false } : options with { Shuffle = false };
        var loader = new ClipLoader(items, perClip, onSkipped);
        for (int k = 0; k < clipsPerVideo; k++)
        {
            var (_, rows) = SupervisedLoop.Evaluation(model, Tracked(loader.Epoch(k, cancellation)), device, cancellation);
            logits.AddRange(rows);
        }
        if (logits.Count == 0)
            throw new Common.DataException("No test clip could be decoded, so nothing can be evaluated; see skipped_files.csv in the run folder.");
        return ClassificationMetrics.Compute(logits, labels, classNames, videos, topK);

        // Batches stream through one at a time; only their labels and video ids are kept.
        IEnumerable<Batch> Tracked(IEnumerable<ClipBatch> source)
        {
            foreach (var clips in source)
            {
                labels.AddRange(clips.Labels);
                videos.AddRange(clips.Items.Select(i => i.Path));
                yield return ClipBatches.ToBatch(clips);
            }
        }
    }
}
