using MovinetExp.Catalog;

namespace MovinetExp.Tests.Catalog;

public class CacheFolderPathTests
{
    private static (string? Path, string? Error) Resolve(string configured, params (string Name, string Value)[] vars) =>
        CacheFolderPath.Resolve(configured, name => name == "HOME" ? "/home/u" : vars.FirstOrDefault(v => v.Name == name).Value);

    [Theory]
    [InlineData("~/.cache/movinet-exp", "/home/u/.cache/movinet-exp")]
    [InlineData("~", "/home/u")]
    [InlineData("/var/cache/movinet", "/var/cache/movinet")]
    [InlineData("$XDG_CACHE_HOME/movinet-exp", "/home/u/.cache/movinet-exp")] // unset XDG: its default ~/.cache
    [InlineData("/data/./cache/../movinet", "/data/movinet")]
    public void ExpandsHomeAndVariables(string configured, string expected) =>
        Assert.Equal((expected, (string?)null), Resolve(configured));

    [Fact]
    public void XdgCacheHomeReplacesTheDefaultCacheRoot()
    {
        Assert.Equal("/xdg/movinet-exp", Resolve("~/.cache/movinet-exp", ("XDG_CACHE_HOME", "/xdg")).Path);
        Assert.Equal("/xdg/m", Resolve("${XDG_CACHE_HOME}/m", ("XDG_CACHE_HOME", "/xdg")).Path);
        Assert.Equal("/home/u/mine", Resolve("~/mine", ("XDG_CACHE_HOME", "/xdg")).Path);
    }

    [Fact]
    public void MovinetCacheOverridesEverything()
    {
        Assert.Equal("/fast/disk", Resolve("~/.cache/movinet-exp", ("MOVINET_CACHE", "/fast/disk"), ("XDG_CACHE_HOME", "/xdg")).Path);
        Assert.Equal("/home/u/c", Resolve("/x", ("MOVINET_CACHE", "~/c")).Path);
    }

    [Fact]
    public void UnsetVariablesAndRelativePathsAreErrors()
    {
        Assert.Equal("environment variable $NOPE is not set", Resolve("$NOPE/cache").Error);
        Assert.Equal("expected an absolute path (or one starting with ~ or $XDG_CACHE_HOME), got \"cache\"", Resolve("cache").Error);
    }
}
