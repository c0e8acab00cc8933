using MovinetExp.Evaluation;

namespace MovinetExp.Tests.Evaluation;

/// <summary>min_gain_over_baseline is one of the expectations (checked last), so `run` and `eval` both check it.</summary>
public class ExpectationsBaselineTests
{
    private static readonly EvaluationResult Result = ClassificationMetrics.Compute(
        [[2f, 0f], [0f, 2f], [2f, 0f], [2f, 0f]], [0, 1, 1, 0], ["a", "b"], ["v1", "v2", "v3", "v4"], 1);

    [Fact]
    public void TheGainIsAccuracyMinusTheBaselineAndIsCheckedLast()
    {
        var checks = Expectations.Evaluate(new ExpectationThresholds { TestAccuracy = 0.5, MinGainOverBaseline = 0.2 }, Result, baselineAccuracy: 0.5);
        Assert.Equal(["test_accuracy", "min_gain_over_baseline"], checks.Select(c => c.Name));
        Assert.Equal(0.25, checks[1].Actual!.Value, 12);
        Assert.True(checks[1].Passed);
        Assert.False(Expectations.Evaluate(new ExpectationThresholds { MinGainOverBaseline = 0.3 }, Result, 0.5)[0].Passed);
    }

    [Fact]
    public void AGateWithoutABaselineFailsSayingWhy()
    {
        var check = Assert.Single(Expectations.Evaluate(new ExpectationThresholds { MinGainOverBaseline = 0.1 }, Result, null, "no baseline here"));
        Assert.False(check.Passed);
        Assert.Null(check.Actual);
        Assert.Equal("no baseline here", check.Detail);
    }
}
