using MovinetExp.Common;
using MovinetExp.Data.Video;
using MovinetExp.Inference;
using MovinetExp.Models;
using MovinetExp.Tests.Models;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Inference;

/// <summary>
/// Streaming a real video frame by frame through <see cref="FrameStreamer"/> must end with the logits
/// <see cref="Predictor"/> gives for the same frames as one clip (the stream model's contract,
/// ../shared/design/movinet-architecture.md §6.4).
/// </summary>
public class FrameStreamerTests
{
    private const double Tolerance = 1e-4;
    private static readonly InputSampling Sampling = new(8, 4, 64, ResizeMode.Pad);

    [Fact]
    public void RealVideoStreamedFrameByFrameEndsWithTheWholeClipLogits()
    {
        var clip = InputClips.Read(TestClips.PunchVideo, Sampling, wholeVideo: true, maxFrames: 8).Single();
        Assert.Equal(8, clip.Frames);
        using var classifier = Classifier(MovinetVariant.Stream, clip);

        // The video decoded as it is streamed, against the same frames read as one clip.
        using var source = FrameSource.Open(TestClips.PunchVideo, Sampling, maxFrames: 8).Single();
        var steps = new List<StreamStep>();
        var streamed = FrameStreamer.Stream(classifier, source, topK: 3, every: 1, steps.Add, CancellationToken.None);
        var whole = Predictor.Predict(classifier, [clip], topK: 3, batchSize: 1).Single();

        Assert.Equal(clip.Frames, streamed.Frames);
        Assert.Equal(Enumerable.Range(0, clip.Frames), steps.Select(s => s.Frame));
        Assert.All(whole.Logits, l => Assert.True(float.IsFinite(l)));
        // A constant output would match trivially; the perturbed model must tell classes apart.
        Assert.True(whole.Logits.Max() - whole.Logits.Min() > 1e-2, "logits are (nearly) constant: the test would prove nothing");
        double maxDiff = whole.Logits.Zip(streamed.FinalLogits, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(maxDiff <= Tolerance, $"streamed and whole-clip logits differ by {maxDiff}");
    }

    [Fact]
    public void BaseModelRefusesToStreamWithASpecError()
    {
        var clip = new InputClip("two-frames", new float[2 * 16 * 16 * 3], 2, 16, 16);
        using var classifier = new LoadedClassifier(new MovinetClassifier(MovinetOptions.For("a0", MovinetVariant.Base, 3)),
            ["a", "b", "c"], Sampling, "test base model", CPU);
        classifier.Model.eval();

        var error = Assert.Throws<UsageException>(() => FrameStreamer.Stream(classifier, FrameSource.FromClip(clip), 1, 1, _ => { }, CancellationToken.None));

        Assert.Contains("test base model", error.Message);
        Assert.Contains("--variant stream", error.Message);
    }

    [Fact]
    public void StepsAreHandedOverEveryNthFrameAndAfterTheLast()
    {
        var clip = new InputClip("seven-frames", Enumerable.Range(0, 7 * 16 * 16 * 3).Select(i => i % 97 / 97f).ToArray(), 7, 16, 16);
        using var classifier = Classifier(MovinetVariant.Stream, clip);
        var steps = new List<int>();

        var summary = FrameStreamer.Stream(classifier, FrameSource.FromClip(clip), 2, every: 3, s => steps.Add(s.Frame), CancellationToken.None);

        Assert.Equal([2, 5, 6], steps);
        Assert.Equal(7, summary.Frames);
    }

    /// <summary>A0 with random kernels, BN statistics measured on the clip itself and ReZero scales away from 0.</summary>
    private static LoadedClassifier Classifier(MovinetVariant variant, InputClip clip)
    {
        manual_seed(21);
        var model = new MovinetClassifier(ModelPerturbation.Calibratable(MovinetOptions.For("a0", variant, 5)));
        using (var scope = NewDisposeScope())
        {
            var calibration = tensor(clip.Pixels, [1, clip.Frames, clip.Height, clip.Width, 3]).permute(0, 4, 1, 2, 3).contiguous();
            ModelPerturbation.Apply(model, seed: 22, calibration);
        }
        return new LoadedClassifier(model, ["c0", "c1", "c2", "c3", "c4"], Sampling, "perturbed A0", CPU);
    }
}
