using MovinetExp.Specs;

namespace MovinetExp.Tests.Specs;

public class ModelSpecTests
{
    [Theory]
    [InlineData(LoadMode.Auto, 600, LoadMode.Full)]
    [InlineData(LoadMode.Auto, 10, LoadMode.Backbone)]
    [InlineData(LoadMode.Backbone, 600, LoadMode.Backbone)]
    [InlineData(LoadMode.Full, 600, LoadMode.Full)]
    public void AutoLoadRestoresTheClassifierOnlyWhenItFits(LoadMode load, int classes, LoadMode expected) =>
        Assert.Equal(expected, new ModelSpec { Load = load }.EffectiveLoad(classes));

    [Theory]
    [InlineData(ModelVariant.Base, null, false)]
    [InlineData(ModelVariant.Stream, null, true)]
    [InlineData(ModelVariant.Base, true, true)]
    [InlineData(ModelVariant.Stream, false, false)]
    public void CausalFollowsTheVariantUnlessOverridden(ModelVariant variant, bool? causal, bool expected) =>
        Assert.Equal(expected, new ModelSpec { Variant = variant, Causal = causal }.IsCausal);
}
