using MovinetExp.Evaluation;

namespace MovinetExp.Tests.Evaluation;

public class VideoAccuracyTests
{
    [Fact]
    public void AveragesProbabilities_NotLogits()
    {
        // Video v1 (true class 0), three clips:
        //   [0, 10]    -> softmax [0.0000454, 0.9999546]
        //   [ln 4, 0]  -> softmax [0.8, 0.2]   (twice)
        // mean probability: class 0 = (0.0000454 + 1.6) / 3 = 0.533, class 1 = 0.467 -> predicts 0, right.
        // (Mean logits would be [0.924, 3.333] -> class 1: averaging logits would get this video wrong.)
        // Video v2 (true class 1), one clip [1, 0] -> predicts 0, wrong.
        float ln4 = MathF.Log(4);
        float[][] logits = [[0, 10], [ln4, 0], [ln4, 0], [1, 0]];
        int[] labels = [0, 0, 0, 1];
        string[] videos = ["v1", "v1", "v1", "v2"];

        EvaluationResult r = ClassificationMetrics.Compute(logits, labels, ["zero", "one"], videos);

        Assert.Equal(0.5, r.Top1Accuracy); // clips: wrong, right, right, wrong
        Assert.Equal(2, r.VideoCount);
        Assert.Equal(0.5, r.VideoAccuracy);
    }

    [Fact]
    public void SingleClipVideos_EqualClipAccuracy()
    {
        EvaluationResult r = ClassificationMetrics.Compute(
            EvaluationFixtures.Logits, EvaluationFixtures.Labels, EvaluationFixtures.Names, ["1", "2", "3", "4"]);
        Assert.Equal(4, r.VideoCount);
        Assert.Equal(r.Top1Accuracy, r.VideoAccuracy);
    }

    [Fact]
    public void TiedAverage_GoesToLowestIndex()
    {
        // [ln 3, 0] -> [0.75, 0.25] and [0, ln 3] -> [0.25, 0.75]: mean [0.5, 0.5], tie -> class 0.
        float ln3 = MathF.Log(3);
        var (count, accuracy) = VideoAccuracy.Compute([[ln3, 0], [0, ln3]], [0, 0], ["v", "v"]);
        Assert.Equal(1, count);
        Assert.Equal(1.0, accuracy);
    }

    [Fact]
    public void ClipsOfOneVideo_MustShareALabel()
    {
        var ex = Assert.Throws<ArgumentException>(() => VideoAccuracy.Compute([[1, 0], [0, 1]], [0, 1], ["v", "v"]));
        Assert.Contains("'v'", ex.Message);
    }
}
