using MovinetExp.Models;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Models;

public class HardSigmoidTests
{
    private static readonly float[] Inputs = { -3f, -2.5f, -1f, 0f, 1f, 2.5f, 3f, 4f };

    [Fact]
    public void KerasFormulaIsClipOfPointTwoXPlusHalf()
    {
        // clip(0.2x + 0.5, 0, 1) by hand.
        float[] expected = { 0f, 0f, 0.3f, 0.5f, 0.7f, 1f, 1f, 1f };
        AssertValues(expected, HardSigmoidKind.Keras);
    }

    [Fact]
    public void Relu6FormulaIsRelu6OfXPlusThreeOverSix()
    {
        // relu6(x + 3)/6 by hand.
        float[] expected = { 0f, 1f / 12, 1f / 3, 0.5f, 2f / 3, 11f / 12, 1f, 1f };
        AssertValues(expected, HardSigmoidKind.Relu6);
    }

    [Fact]
    public void SwishAndHardSwishFollowTheirFormulas()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { -4f, -1f, 0f, 1f, 2f });
        var swish = Activations.Create(ActivationKind.Swish, HardSigmoidKind.Keras).forward(x).data<float>().ToArray();
        var hardSwish = Activations.Create(ActivationKind.HardSwish, HardSigmoidKind.Keras).forward(x).data<float>().ToArray();
        float[] expectedSwish = { -4f / (1 + MathF.Exp(4)), -1f / (1 + MathF.E), 0f, 1f / (1 + 1 / MathF.E), 2f / (1 + MathF.Exp(-2)) };
        float[] expectedHardSwish = { 0f, -1f * 2 / 6, 0f, 4f / 6, 2f * 5 / 6 };
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(expectedSwish[i], swish[i], 5);
            Assert.Equal(expectedHardSwish[i], hardSwish[i], 5);
        }
    }

    private static void AssertValues(float[] expected, HardSigmoidKind kind)
    {
        using var scope = NewDisposeScope();
        var fromModule = new HardSigmoid(kind).forward(tensor(Inputs)).data<float>().ToArray();
        var fromFactory = Activations.Create(ActivationKind.HardSigmoid, kind).forward(tensor(Inputs)).data<float>().ToArray();
        for (int i = 0; i < Inputs.Length; i++)
        {
            Assert.Equal(expected[i], fromModule[i], 6);
            Assert.Equal(expected[i], fromFactory[i], 6);
        }
    }
}
