using MovinetExp.Specs;

namespace MovinetExp.Tests.Specs;

public class ModelSpecTests
{
    [Theory]
    [InlineData(ModelVariant.Base, null, false)]
    [InlineData(ModelVariant.Stream, null, true)]
    [InlineData(ModelVariant.Base, true, true)]
    [InlineData(ModelVariant.Stream, false, false)]
    public void CausalFollowsTheVariantUnlessOverridden(ModelVariant variant, bool? causal, bool expected) =>
        Assert.Equal(expected, new ModelSpec { Variant = variant, Causal = causal }.IsCausal);
}
