using MovinetExp.Catalog;
using MovinetExp.Data;
using MovinetExp.Data.Loading;
using MovinetExp.Data.Video;
using MovinetExp.Specs;

namespace MovinetExp.Experiments;

/// <summary>Clip loaders for each split, configured from the spec's data section.</summary>
public static class LoaderFactory
{
    public static ClipLoaderOptions Options(ExperimentSpec spec, ToolCatalog catalog, bool training)
    {
        var data = spec.Data;
        return new ClipLoaderOptions(
            new ClipSampling(data.Frames, data.FrameStep),
            new FrameFormat(data.Resolution, data.Resolution, data.Resize),
            spec.Train.BatchSize)
        {
            Start = training ? data.TrainSampling : data.TestSampling,
            Seed = spec.Seed,
            Shuffle = training,
            Workers = data.Workers > 0 ? data.Workers : Math.Max(1, Environment.ProcessorCount),
            OnBadVideo = data.BadFiles,
            CacheDirectory = data.Cache ? Path.Combine(catalog.CacheFolder, "clips") : null,
        };
    }

    public static ClipLoader Create(IReadOnlyList<VideoItem> items, ClipLoaderOptions options, Action<BadVideo> onSkipped) =>
        new(items, options, onSkipped);
}
