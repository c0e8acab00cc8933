using MovinetExp.Common;
using MovinetExp.Data.Remote;
using MovinetExp.Data.Sources;
using MovinetExp.Tests.Cli;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Data.Remote;

/// <summary>A UCF101 zip on local disk (a path or a file:// URL) is read like the remote one: same entry selection, same safety checks.</summary>
public class LocalZipTests
{
    private static readonly SplitRequest TwoClasses =
        new(ClassSelection.Named(["Alpha", "Beta"]), new SplitCounts(2, 0, 1), SplitPolicy.Group, Seed: 7);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task APathOrFileUrlExtractsOnlyTheChosenEntries(bool asFileUrl)
    {
        string zip = WriteZip(TestPaths.NewScratchFolder("localzip"), Entries(["Alpha", "Beta", "Gamma"]));
        string cache = TestPaths.NewScratchFolder("localzip-cache");

        var splits = await Ucf101ZipSource.LoadAsync(asFileUrl ? new Uri("file://" + zip) : new Uri(zip), cache, TwoClasses);

        Assert.Equal(["Alpha", "Beta"], splits.ClassNames);
        Assert.Equal((4, 2), (splits.Train.Count, splits.Test.Count));
        foreach (var item in splits.Train.Concat(splits.Test))
        {
            Assert.StartsWith(cache, item.Path);
            Assert.Equal(Path.GetRelativePath(cache, item.Path), File.ReadAllText(item.Path)); // each entry holds its own name
        }
        Assert.Equal(6, Directory.GetFiles(cache, "*", SearchOption.AllDirectories).Length);
    }

    [Theory]
    [InlineData("/UCF101/Alpha/v_Alpha_g09_c01.avi", "it is an absolute path")]
    [InlineData("UCF101/Alpha/..\\..\\v_Alpha_g09_c01.avi", "backslash")]
    public async Task EntriesThatEscapeTheCacheAreStillRefused(string evil, string reason)
    {
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["UCF101/Alpha/v_Alpha_g01_c01.avi"] = [1],
            [evil] = [6, 6, 6],
        };
        string zip = WriteZip(TestPaths.NewScratchFolder("localzip"), entries);
        string parent = TestPaths.NewScratchFolder("localzip-evil");
        var request = new SplitRequest(ClassSelection.Named(["Alpha"]), new SplitCounts(2, 0, 0), SplitPolicy.Random);

        var ex = await Assert.ThrowsAsync<DataException>(() => Ucf101ZipSource.LoadAsync(new Uri(zip), Path.Combine(parent, "cache"), request));

        Assert.Contains($"Refusing archive entry '{evil}'", ex.Message);
        Assert.Contains(reason, ex.Message);
        Assert.Empty(Directory.GetFiles(parent, "v_Alpha_g09_c01.avi", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task APathWithCharactersThatMeanSomethingInUrlsIsTakenLiterally()
    {
        string folder = Path.Combine(TestPaths.NewScratchFolder("localzip"), "zips #1 50%");
        WriteZip(folder, Entries(["Alpha", "Beta"]));

        var url = ZipLocation.Resolve("zips #1 50%/UCF101_videos.zip", Path.GetDirectoryName(folder)!);
        var splits = await Ucf101ZipSource.LoadAsync(url, TestPaths.NewScratchFolder("localzip-cache"), TwoClasses);

        Assert.Equal(Path.Combine(folder, "UCF101_videos.zip"), url.LocalPath);
        Assert.Equal(4, splits.Train.Count);
    }

    [Fact]
    public async Task AMissingZipNamesThePath()
    {
        string missing = Path.Combine(TestPaths.NewScratchFolder("localzip"), "UCF101_videos.zip");
        var ex = await Assert.ThrowsAsync<DataException>(() =>
            Ucf101ZipSource.LoadAsync(new Uri(missing), TestPaths.NewScratchFolder("localzip-cache"), TwoClasses));
        Assert.Contains(missing, ex.Message);
        Assert.Contains("does not exist", ex.Message);
    }

    [Fact]
    public async Task ATruncatedZipIsADataError()
    {
        string zip = WriteZip(TestPaths.NewScratchFolder("localzip"), Entries(["Alpha", "Beta"]));
        byte[] bytes = File.ReadAllBytes(zip);
        File.WriteAllBytes(zip, bytes[..(bytes.Length / 2)]);
        var ex = await Assert.ThrowsAsync<DataException>(() =>
            Ucf101ZipSource.LoadAsync(new Uri(zip), TestPaths.NewScratchFolder("localzip-cache"), TwoClasses));
        Assert.Contains(zip, ex.Message);
    }

    [Theory]
    [InlineData("zips/UCF101_videos.zip")] // relative to the spec file, like every path in a spec
    [InlineData("file://{ZIP}")]
    public void DataPrepareReadsALocalZipNamedInTheSpec(string url)
    {
        string folder = TestPaths.NewScratchFolder("cli-localzip");
        string zip = WriteZip(Path.Combine(folder, "zips"), Entries(["Alpha", "Beta", "Gamma"]));
        File.WriteAllText(Path.Combine(folder, "spec.yaml"), $"""
            name: local-zip
            data:
              source: ucf101
              url: "{url.Replace("{ZIP}", zip)}"
              classes: [Alpha, Beta]
              split: {"{"}train: 2, val: 0, test: 1{"}"}
            """);

        var result = CliProcess.Run(folder, "data", "prepare", "spec.yaml");

        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        Assert.Contains("6 videos under", result.Unwrapped);
        Assert.True(File.Exists(Path.Combine(folder, "cache", "ucf101", "UCF101", "Alpha", "v_Alpha_g01_c01.avi")));
    }

    /// <summary>Three groups of one clip per class; each entry's content is its own name, alternately stored and deflated.</summary>
    private static Dictionary<string, byte[]> Entries(string[] classes) =>
        classes.SelectMany(c => Enumerable.Range(1, 3).Select(g => $"UCF101/{c}/v_{c}_g{g:00}_c01.avi"))
            .ToDictionary(name => name, name => System.Text.Encoding.UTF8.GetBytes(name), StringComparer.Ordinal);

    private static string WriteZip(string folder, Dictionary<string, byte[]> entries)
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "UCF101_videos.zip");
        File.WriteAllBytes(path, RemoteZipTests.SmallZip(entries.Select(e => (e.Key, e.Value)).ToArray()));
        return path;
    }
}
