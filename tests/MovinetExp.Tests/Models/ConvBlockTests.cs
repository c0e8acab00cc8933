using MovinetExp.Models;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Models;

public class ConvBlockTests
{
    [Fact]
    public void StridedConvPadsOnlyAfterOnEvenSizesLikeTf()
    {
        using var scope = NewDisposeScope();
        var options = new MovinetOptions();
        var block = new ConvBlock(1, 1, new Size3(1, 3, 3), Size3.Spatial2, options, ActivationKind.Identity,
            useBatchNorm: false);
        using (no_grad()) block.Conv.weight!.fill_(1f);
        var x = arange(1, 17, 1, float32).view(1, 1, 1, 4, 4);
        var y = block.Forward(x, null).flatten().data<float>().ToArray();
        // TF pads (0,1): window sums 1+2+3+5+6+7+9+10+11 = 54, 3+4+7+8+11+12 = 45, 9+…+15 = 72,
        // 11+12+15+16 = 54. Torch's symmetric padding would give 14 for the first window.
        Assert.Equal(new[] { 54f, 45f, 72f, 54f }, y);
    }

    [Fact]
    public void NonCausalTemporalPaddingIsSymmetricAndCausalPaddingLooksBackOnly()
    {
        using var scope = NewDisposeScope();
        var frames = arange(1, 5, 1, float32).view(1, 1, 4, 1, 1); // values 1,2,3,4 over time
        float[] Run(bool causal)
        {
            var options = new MovinetOptions { Causal = causal };
            var block = new ConvBlock(1, 1, new Size3(3, 1, 1), Size3.One, options, ActivationKind.Identity,
                useBatchNorm: false, streamPrefix: "state_test");
            using (no_grad()) block.Conv.weight!.fill_(1f);
            return block.Forward(frames, null).flatten().data<float>().ToArray();
        }

        Assert.Equal(new[] { 3f, 6f, 9f, 7f }, Run(causal: false)); // x[t−1] + x[t] + x[t+1]
        Assert.Equal(new[] { 1f, 3f, 6f, 9f }, Run(causal: true)); // x[t−2] + x[t−1] + x[t]
    }
}
