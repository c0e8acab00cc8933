using MovinetExp.Evaluation;

namespace MovinetExp.Tests.Evaluation;

public class LogitMathTests
{
    [Fact]
    public void Softmax_OfLogOfProbabilities_GivesThemBack()
    {
        // softmax(log p) = p for any distribution p: an identity independent of the implementation.
        double[] p = [0.1, 0.2, 0.7];
        double[] back = LogitMath.Softmax(p.Select(x => (float)Math.Log(x)).ToArray());
        for (int i = 0; i < p.Length; i++) Assert.Equal(p[i], back[i], 1e-7);
    }

    [Fact]
    public void LogSoftmax_IsShiftInvariant_AndFiniteForExtremeLogits()
    {
        double[] a = LogitMath.LogSoftmax([1f, 2f, 3f]);
        double[] b = LogitMath.LogSoftmax([1001f, 1002f, 1003f]);
        for (int i = 0; i < 3; i++) Assert.Equal(a[i], b[i], 1e-9);
        Assert.All(LogitMath.LogSoftmax([-3e38f, 3e38f]), v => Assert.False(double.IsNaN(v)));
    }

    [Fact]
    public void ArgMaxAndRank_BreakTiesTowardsTheLowerIndex()
    {
        float[] row = [1, 3, 3, 0];
        Assert.Equal(1, LogitMath.ArgMax<float>(row));
        Assert.Equal(0, LogitMath.Rank(row, 1));
        Assert.Equal(1, LogitMath.Rank(row, 2));
        Assert.Equal(2, LogitMath.Rank(row, 0));
        Assert.Equal(3, LogitMath.Rank(row, 3));
    }
}
