using MovinetExp.Data;
using MovinetExp.Data.Loading;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Data.Loading;

public class ClipLoadBenchmarkTests
{
    [Fact]
    public void TimesColdFillAndWarmLoadingAndCleansUp()
    {
        string scratch = TestPaths.NewScratchFolder("bench");
        var options = new ClipLoaderOptions(LoaderFixtures.Sampling, LoaderFixtures.Format, BatchSize: 4) { Workers = 2 };
        var result = ClipLoadBenchmark.Run(LoaderFixtures.Items, options, clips: 12, scratch);

        Assert.Equal((12, 2), (result.Clips, result.Workers));
        Assert.True(result.ColdSeconds > 0 && result.FillSeconds > 0 && result.WarmSeconds > 0);
        Assert.Equal(12 / result.ColdSeconds, result.ColdClipsPerSecond, 6);
        Assert.Equal(12 / result.FillSeconds, result.FillClipsPerSecond, 6);
        Assert.True(result.ColdCpuSeconds > 0);
        Assert.Equal(result.ColdCpuSeconds * 1000 / 12, result.ColdCpuMillisecondsPerClip, 6);
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch));
    }

    [Fact]
    public void TheColdPassIsProfiledStageByStage()
    {
        var profile = new LoadProfile();
        var options = new ClipLoaderOptions(LoaderFixtures.Sampling, LoaderFixtures.Format, BatchSize: 4) { Workers = 2 };
        ClipLoadBenchmark.Run(LoaderFixtures.Items, options, clips: 12, TestPaths.NewScratchFolder("bench"), coldProfile: profile);

        // Only the cold pass: one worker load and one open per clip, none of the cache passes.
        Assert.Equal(12, profile.Calls(LoadStage.Worker));
        Assert.Equal(12, profile.Calls(LoadStage.Open));
        // At most every clip frame is fitted: a random start may put the last one past the end (a zero frame).
        Assert.InRange(profile.Calls(LoadStage.Convert), 12, 12 * LoaderFixtures.Sampling.Frames);
        Assert.True(profile.Calls(LoadStage.Grab) >= profile.Calls(LoadStage.Convert));
        Assert.Equal(3, profile.Calls(LoadStage.Assemble));
        Assert.Equal(0, profile.Calls(LoadStage.Cache));
        Assert.True(profile.Total(LoadStage.Worker) >= profile.Total(LoadStage.Convert));
    }
}
