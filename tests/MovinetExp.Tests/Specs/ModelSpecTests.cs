using MovinetExp.Models;
using MovinetExp.Specs;

namespace MovinetExp.Tests.Specs;

public class ModelSpecTests
{
    [Theory]
    [InlineData(MovinetVariant.Base, null, false)]
    [InlineData(MovinetVariant.Stream, null, true)]
    [InlineData(MovinetVariant.Base, true, true)]
    [InlineData(MovinetVariant.Stream, false, false)]
    public void CausalFollowsTheVariantUnlessOverridden(MovinetVariant variant, bool? causal, bool expected) =>
        Assert.Equal(expected, new ModelSpec { Variant = variant, Causal = causal }.IsCausal);
}
