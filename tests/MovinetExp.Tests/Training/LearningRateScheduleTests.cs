using MovinetExp.Training;

namespace MovinetExp.Tests.Training;

public class LearningRateScheduleTests
{
    [Fact]
    public void ConstantWithoutWarmupIsTheBaseRate()
    {
        var s = new LearningRateSchedule(1e-3, totalSteps: 10, warmupSteps: 0, cosine: false);
        Assert.All(Enumerable.Range(0, 10), step => Assert.Equal(1e-3, s.RateAt(step)));
    }

    [Fact]
    public void WarmupRisesLinearlyThenCosineFallsToZero()
    {
        // 2 warm-up steps: 0.5, 1.0 of the base; then 5 cosine steps over progress 0, 1/4, 2/4, 3/4, 1.
        var s = new LearningRateSchedule(2.0, totalSteps: 7, warmupSteps: 2, cosine: true);
        double[] expected = [1.0, 2.0, 2.0, 1.0 + Math.Sqrt(0.5), 1.0, 1.0 - Math.Sqrt(0.5), 0.0];
        for (int step = 0; step < expected.Length; step++)
            Assert.Equal(expected[step], s.RateAt(step), 12);
    }
}
