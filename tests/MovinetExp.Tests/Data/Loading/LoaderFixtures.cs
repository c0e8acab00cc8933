using MovinetExp.Data;
using MovinetExp.Data.Synthetic;
using MovinetExp.Data.Video;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Data.Loading;

/// <summary>Small real AVI files (synthetic motion videos) shared by the loader tests, generated once.</summary>
internal static class LoaderFixtures
{
    private static readonly Lazy<SyntheticDataset> Set = new(() => SyntheticDatasetGenerator.Generate(
        TestPaths.NewScratchFolder("loader-videos"),
        SyntheticOptions.WithClassCount(3, videosPerClass: 3, framesPerVideo: 14, height: 48, width: 64, seed: 11)));

    public static IReadOnlyList<VideoItem> Items => Set.Value.Items;

    public static readonly ClipSampling Sampling = new(3, 2);
    public static readonly FrameFormat Format = new(32, 32);
}
