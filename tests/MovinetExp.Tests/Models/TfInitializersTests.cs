using MovinetExp.Models;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Models;

public class TfInitializersTests
{
    [Fact]
    public void HeNormalIsTruncatedAtTwoSigmaWithVarianceTwoOverFanIn()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var weight = empty(new long[] { 256, 50, 1, 3, 3 }); // fan_in = 450
        TfInitializers.HeNormal(weight);
        double expectedStd = Math.Sqrt(2.0 / 450);
        double sigma = expectedStd / 0.87962566103423978; // std of the normal before truncation
        Assert.InRange(weight.std().item<float>(), expectedStd * 0.98, expectedStd * 1.02);
        Assert.InRange(weight.mean().item<float>(), -0.01 * expectedStd, 0.01 * expectedStd);
        Assert.True(weight.abs().max().item<float>() <= 2 * sigma * 1.0001);
        Assert.True(weight.unique().Item1.numel() > 100_000, "values must be independent draws");
    }

    [Fact]
    public void NormalHasRequestedStd()
    {
        using var scope = NewDisposeScope();
        manual_seed(8);
        var weight = empty(new long[] { 600, 2048 });
        TfInitializers.Normal(weight, 0.01);
        Assert.InRange(weight.std().item<float>(), 0.0099, 0.0101);
    }
}
