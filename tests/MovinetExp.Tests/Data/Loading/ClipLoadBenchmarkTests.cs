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
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch));
    }
}
