using MovinetExp.Data.Sources;

namespace MovinetExp.Tests.Data.Sources;

public class Ucf101FileNameTests
{
    [Theory]
    [InlineData("UCF-101/ApplyEyeMakeup/v_ApplyEyeMakeup_g08_c01.avi", "g08", 1)]
    [InlineData("/x/Rowing/UCF-101_Rowing_g16_c03.avi", "g16", 3)]
    [InlineData("v_Basketball_g01_c02.mp4", "g01", 2)]
    [InlineData("renamed_g8_c12.mkv", "g08", 12)]
    public void ReadsGroupAndClip(string path, string group, int clip)
    {
        Assert.Equal(group, Ucf101FileName.GroupOf(path));
        Assert.Equal(clip, Ucf101FileName.ClipOf(path));
    }

    [Theory]
    [InlineData("again.mkv")]
    [InlineData("v_Basketball_g01.avi")]
    [InlineData("v_Basketball_g01_c02_extra.avi")]
    public void NamesWithoutTheTailHaveNoGroup(string path)
    {
        Assert.Null(Ucf101FileName.GroupOf(path));
        Assert.Null(Ucf101FileName.ClipOf(path));
    }

    [Fact]
    public void EverySharedUcf101ClipHasAGroup()
    {
        foreach (string file in Directory.GetFiles(Path.Combine(Support.TestPaths.Videos, "ucf101"), "*", SearchOption.AllDirectories))
            Assert.NotNull(Ucf101FileName.GroupOf(file));
    }
}
