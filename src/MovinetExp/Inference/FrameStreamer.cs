using MovinetExp.Common;
using static TorchSharp.torch;

namespace MovinetExp.Inference;

/// <summary>The running answer after a frame.</summary>
public sealed record StreamStep(int Frame, IReadOnlyList<ScoredLabel> Top, double[] Probabilities);

/// <summary>A streamed clip: every step (or every N-th), and the logits after the last frame.</summary>
public sealed record StreamResult(string Name, IReadOnlyList<StreamStep> Steps, float[] FinalLogits, IReadOnlyList<ScoredLabel> FinalTop, double MillisecondsPerFrame);

/// <summary>
/// Classifies a clip frame by frame with a causal (stream) model, carrying the stream buffers and running
/// averages from one call to the next: constant work per frame, and after the last frame the same logits
/// as the whole clip at once.
/// </summary>
public static class FrameStreamer
{
    public static StreamResult Stream(LoadedClassifier classifier, InputClip clip, int topK, int every, Device device, CancellationToken cancellation)
    {
        var model = classifier.Model;
        if (!model.Options.Causal)
            throw new SpecException($"{classifier.Origin} is a base (non-causal) model and cannot be streamed frame by frame. Use a stream model (--variant stream), a run trained with `model.variant: stream` or `model.causal: true`, or `dotnet movinet predict` for whole clips.");
        var steps = new List<StreamStep>();
        float[] logits = [];
        var state = model.InitStates(1, clip.Height, clip.Width);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            for (int t = 0; t < clip.Frames; t++)
            {
                cancellation.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var frame = tensor(clip.Pixels.AsSpan(t * clip.FrameLength, clip.FrameLength).ToArray(), [1, 1, clip.Height, clip.Width, 3])
                    .to(device).permute(0, 4, 1, 2, 3).contiguous();
                var (output, next) = model.Stream(frame, state);
                state.Dispose();
                state = next;
                logits = output.to(CPU).data<float>().ToArray();
                if ((t + 1) % every == 0 || t == clip.Frames - 1)
                    steps.Add(new StreamStep(t, Predictor.TopK(logits, classifier.Labels, topK), Evaluation.LogitMath.Softmax(logits)));
            }
        }
        finally
        {
            state.Dispose();
        }
        double msPerFrame = clock.Elapsed.TotalMilliseconds / Math.Max(1, clip.Frames);
        return new StreamResult(clip.Name, steps, logits, Predictor.TopK(logits, classifier.Labels, topK), msPerFrame);
    }
}
