using MovinetExp.Common;
using MovinetExp.Models;

namespace MovinetExp.Tests.Models;

public class MovinetOptionsTests
{
    [Fact]
    public void BaseConfigurationIsNonCausal3dSwish()
    {
        var o = MovinetOptions.For("A2", MovinetVariant.Base, numClasses: 101);
        Assert.Equal(("a2", false, ConvType.Conv3d, SeType.ThreeD), (o.ModelId, o.Causal, o.ConvType, o.SeType));
        Assert.Equal((ActivationKind.Swish, ActivationKind.Sigmoid, false), (o.Activation, o.GatingActivation, o.UsePositionalEncoding));
        Assert.Equal((101, 1e-3, 0.01), (o.NumClasses, o.BatchNormEpsilon, o.BatchNormMomentum));
        Assert.Equal(ActivationKind.Swish, o.HeadActivation);
    }

    [Theory]
    [InlineData("a0", false)]
    [InlineData("a1", false)]
    [InlineData("a2", false)]
    [InlineData("a3", true)]
    [InlineData("a4", true)]
    [InlineData("a5", true)]
    public void StreamConfigurationIsCausal2Plus1dWithPositionalEncodingFromA3(string id, bool positional)
    {
        var o = MovinetOptions.For(id, MovinetVariant.Stream);
        Assert.Equal((true, ConvType.TwoPlusOneD, SeType.TwoPlusThreeD), (o.Causal, o.ConvType, o.SeType));
        Assert.Equal((ActivationKind.HardSwish, ActivationKind.HardSigmoid, HardSigmoidKind.Keras),
            (o.Activation, o.GatingActivation, o.HardSigmoidKind));
        Assert.Equal(positional, o.UsePositionalEncoding);
    }

    [Fact]
    public void InvalidCombinationsAreUserErrors()
    {
        Assert.Contains("a0, a1", Assert.Throws<UsageException>(() => MovinetOptions.For("a6", MovinetVariant.Base)).Message);
        Assert.Throws<UsageException>(() => new MovinetOptions { UsePositionalEncoding = true }.Validate());
        Assert.Throws<UsageException>(() => new MovinetOptions { NumClasses = 0 }.Validate());
        Assert.Throws<UsageException>(() => new MovinetOptions { Dropout = 1.0 }.Validate());
    }
}
