using MovinetExp.Common;

namespace MovinetExp.Inference;

/// <summary>The running answer after a frame.</summary>
public sealed record StreamStep(int Frame, IReadOnlyList<ScoredLabel> Top, double[] Probabilities);

/// <summary>A streamed input once it has ended: how many frames, and the logits after the last one.</summary>
public sealed record StreamSummary(string Name, int Frames, float[] FinalLogits, IReadOnlyList<ScoredLabel> FinalTop, double MillisecondsPerFrame);

/// <summary>
/// Classifies an input frame by frame with a causal (stream) model, carrying the stream buffers and running
/// averages from one call to the next: constant work per frame, and after the last frame the same logits as
/// the whole clip at once. Constant memory too, however long the input: it holds the model's state and one
/// frame, and hands each step to the caller as it is made instead of collecting them.
/// </summary>
public static class FrameStreamer
{
    /// <param name="every">Report a step every this many frames (and after the last one).</param>
    /// <param name="onStep">Receives each reported step as soon as it is made (e.g. to print it).</param>
    /// <exception cref="UsageException">The classifier is not a stream (causal) model.</exception>
    /// <exception cref="DataException">The input has no frame, or decoding fails.</exception>
    public static StreamSummary Stream(IVideoClassifier classifier, FrameSource source, int topK, int every,
        Action<StreamStep> onStep, CancellationToken cancellation)
    {
        if (!classifier.Causal)
            throw new UsageException($"{classifier.Origin} is a base (non-causal) model and cannot be streamed frame by frame. Use a stream model (--variant stream), a run trained with `model.variant: stream` or `model.causal: true`, or `dotnet movinet predict` for whole clips.");
        var pixels = new float[source.FrameLength];
        float[] logits = [];
        int frames = 0, lastReported = -1;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (var stream = classifier.OpenStream(source.Height, source.Width))
        {
            for (; source.Read(pixels); frames++)
            {
                cancellation.ThrowIfCancellationRequested();
                logits = stream.Next(pixels);
                if ((frames + 1) % every == 0)
                {
                    onStep(Step(frames, logits, classifier, topK));
                    lastReported = frames;
                }
            }
        }
        // The end of the input is known only when a read fails: the last frame is reported then.
        if (frames > 0 && lastReported != frames - 1) onStep(Step(frames - 1, logits, classifier, topK));
        if (frames == 0) throw new DataException($"{source.Name}: no frame to stream.");
        double msPerFrame = clock.Elapsed.TotalMilliseconds / frames;
        return new StreamSummary(source.Name, frames, logits, Predictor.TopK(logits, classifier.Labels, topK), msPerFrame);
    }

    private static StreamStep Step(int frame, float[] logits, IVideoClassifier classifier, int topK) =>
        new(frame, Predictor.TopK(logits, classifier.Labels, topK), Evaluation.LogitMath.Softmax(logits));
}
