using MovinetExp.Common;
using MovinetExp.Tests.Support;
using MovinetExp.IO.Archives;

namespace MovinetExp.Tests.Data.Remote;

public class SafeEntryPathTests
{
    [Theory]
    [InlineData("../evil.avi")]
    [InlineData("UCF101/../../evil.avi")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/evil.avi")]
    [InlineData("c:evil.avi")]
    [InlineData("..\\evil.avi")]
    [InlineData("UCF101\\..\\..\\evil.avi")]
    [InlineData("")]
    [InlineData("a/\0b.avi")]
    public void RefusesNamesThatCouldLeaveTheFolder(string name)
    {
        string target = TestPaths.NewScratchFolder("safe");
        var ex = Assert.Throws<DataException>(() => SafeEntryPath.Resolve(target, name, "test.zip"));
        Assert.Contains($"'{name}'", ex.Message);
        Assert.Contains("test.zip", ex.Message);
    }

    [Theory]
    [InlineData("UCF101/Rowing/v_Rowing_g01_c01.avi", "UCF101/Rowing/v_Rowing_g01_c01.avi")]
    [InlineData("./variables/variables.index", "variables/variables.index")]
    [InlineData("a/./b..c.avi", "a/b..c.avi")]
    public void MapsOrdinaryNamesInsideTheFolder(string name, string expectedRelative)
    {
        string target = TestPaths.NewScratchFolder("safe");
        Assert.Equal(Path.Combine(target, expectedRelative), SafeEntryPath.Resolve(target, name, "test.zip"));
    }
}
