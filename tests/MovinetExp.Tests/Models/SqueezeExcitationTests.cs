using MovinetExp.Models;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Models;

public class SqueezeExcitationTests
{
    // With identity activations and a reduce conv that copies one half of the 2E squeeze channels,
    // the gate equals that half, so the output shows which pooling sits where
    // (../shared/design/movinet-architecture.md §3.4: the cumulative mean comes first, the per-frame mean second).
    [Theory]
    [InlineData(0, new[] { 1f, 3f, 6f })] // gate = cumulative mean (1, 1.5, 2)·k → x·gate = (1, 3, 6)·k²
    [InlineData(1, new[] { 1f, 4f, 9f })] // gate = per-frame mean (1, 2, 3)·k → x·gate = (1, 4, 9)·k²
    public void TwoPlusThreeDConcatenatesCumulativeThenPerFrameMeans(int half, float[] expectedPerUnit)
    {
        using var scope = NewDisposeScope();
        const int channels = 8;
        var options = new MovinetOptions
        {
            Causal = true, SeType = SeType.TwoPlusThreeD,
            Activation = ActivationKind.Identity, GatingActivation = ActivationKind.Identity,
        };
        var se = new SqueezeExcitation(channels, options, "state_test");
        var collector = new TfVariableCollector();
        se.CollectTfVariables("se", collector);
        var reduce = collector.Variables.Single(v => v.Path == "se/_se_reduce/_conv/kernel"); // [1,1,1,2E,H]
        var expand = collector.Variables.Single(v => v.Path == "se/_se_expand/_conv/kernel"); // [1,1,1,H,E]
        Assert.Equal(new long[] { 1, 1, 1, 2 * channels, channels }, reduce.TfShape);
        var pick = zeros(2 * channels, channels);
        pick.narrow(0, half * channels, channels).copy_(eye(channels));
        reduce.CopyFromTf(pick.flatten().data<float>().ToArray());
        expand.CopyFromTf(eye(channels).flatten().data<float>().ToArray());

        // Channel c (k = c + 1) holds (1, 2, 3)·k over three 1×1 frames.
        var x = arange(1, 4, 1, float32).view(1, 1, 3, 1, 1).mul(arange(1, channels + 1, 1, float32).view(1, channels, 1, 1, 1));
        using var noGrad = no_grad();
        var y = se.Forward(x, null);
        for (int c = 0; c < channels; c++)
        for (int t = 0; t < 3; t++)
            Assert.Equal(expectedPerUnit[t] * (c + 1) * (c + 1), y[0, c, t, 0, 0].item<float>(), 4);
    }

    [Fact]
    public void BaseSqueezeUsesTheWholeClipMean()
    {
        using var scope = NewDisposeScope();
        var options = new MovinetOptions { Activation = ActivationKind.Identity, GatingActivation = ActivationKind.Identity };
        var se = new SqueezeExcitation(8, options, "state_test");
        var collector = new TfVariableCollector();
        se.CollectTfVariables("se", collector);
        collector.Variables.Single(v => v.Path == "se/_se_reduce/_conv/kernel").CopyFromTf(eye(8).flatten().data<float>().ToArray());
        collector.Variables.Single(v => v.Path == "se/_se_expand/_conv/kernel").CopyFromTf(eye(8).flatten().data<float>().ToArray());
        var x = arange(1, 4, 1, float32).view(1, 1, 3, 1, 1).expand(1, 8, 3, 1, 1).contiguous();
        using var noGrad = no_grad();
        // Non-causal: every frame is gated by the clip mean 2 → (2, 4, 6).
        Assert.Equal(new[] { 2f, 4f, 6f }, se.Forward(x, null)[0, 3].flatten().data<float>().ToArray());
    }
}
