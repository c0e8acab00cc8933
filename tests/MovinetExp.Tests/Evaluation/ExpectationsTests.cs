using MovinetExp.Evaluation;

namespace MovinetExp.Tests.Evaluation;

public class ExpectationsTests
{
    [Fact]
    public void BuildsOneCheckPerThreshold_InFixedOrder_WithPassFail()
    {
        // Fixture: top-1 0.5, top-k (clamped to 3 classes) 1.0, loss 0.71176, recalls a 0.5 / b 1 / c 0, no video ids.
        var thresholds = new ExpectationThresholds
        {
            TestAccuracy = 0.5,    // equal -> pass
            Top5Accuracy = 0.9,    // 1.0 (only 3 classes) -> pass
            VideoAccuracy = 0.1,   // not measured -> fail
            MinClassRecall = 0.25, // c has 0 -> fail, names c
            MaxTestLoss = 0.7,     // 0.71176 > 0.7 -> fail
        };

        IReadOnlyList<ExpectationCheck> checks = Expectations.Evaluate(thresholds, EvaluationFixtures.Compute());

        Assert.Equal(["test_accuracy", "top5_accuracy", "video_accuracy", "min_class_recall", "max_test_loss"], checks.Select(c => c.Name));
        Assert.Equal([true, true, false, false, false], checks.Select(c => c.Passed));
        Assert.Equal(0.5, checks[0].Actual);
        Assert.Null(checks[2].Actual);
        Assert.Equal(0.0, checks[3].Actual);
        Assert.Contains("c", checks[3].Detail);
        Assert.Equal(0.7117631881, checks[4].Actual!.Value, 1e-9);
        Assert.False(Expectations.AllPassed(checks));
    }

    [Fact]
    public void UnsetThresholds_AreNotChecked()
    {
        var checks = Expectations.Evaluate(new ExpectationThresholds(), EvaluationFixtures.Compute());
        Assert.Empty(checks);
        Assert.True(Expectations.AllPassed(checks));
    }

    [Fact]
    public void PassingRecallAndLoss()
    {
        var checks = Expectations.Evaluate(
            new ExpectationThresholds { MinClassRecall = 0.0, MaxTestLoss = 0.72 }, EvaluationFixtures.Compute());
        Assert.All(checks, c => Assert.True(c.Passed));
    }

    [Fact]
    public void Top5_WhenTopKWasComputedForAnotherK_IsNotMeasured()
    {
        float[][] logits = Enumerable.Range(0, 6).Select(i => Enumerable.Range(0, 6).Select(j => j == i ? 1f : 0f).ToArray()).ToArray();
        var result = ClassificationMetrics.Compute(logits, [0, 1, 2, 3, 4, 5], ["a", "b", "c", "d", "e", "f"], topK: 3);
        ExpectationCheck check = Expectations.Evaluate(new ExpectationThresholds { Top5Accuracy = 0.5 }, result).Single();
        Assert.False(check.Passed);
        Assert.Null(check.Actual);
    }
}
