using MovinetExp.Specs;

namespace MovinetExp.Tests.Specs;

public class SpecNamesTests
{
    [Theory]
    [InlineData("a0", true, ModelId.A0)]
    [InlineData("a5", true, ModelId.A5)]
    [InlineData("A3", false, default(ModelId))] // YAML spelling only: snake_case, case-sensitive
    [InlineData("3", false, default(ModelId))] // Enum.TryParse would take this as the member with value 3
    [InlineData("a9", false, default(ModelId))]
    [InlineData("", false, default(ModelId))]
    public void TryParseAcceptsExactlyTheYamlSpellings(string text, bool known, ModelId expected)
    {
        Assert.Equal(known, SpecNames.TryParse<ModelId>(text, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void MultiWordMembersAreSnakeCase()
    {
        Assert.True(SpecNames.TryParse<FreezeMode>("from_block", out var mode));
        Assert.Equal(FreezeMode.FromBlock, mode);
        Assert.False(SpecNames.TryParse<FreezeMode>("FromBlock", out _));
    }
}
