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
        var sampling = training ? data.TrainSampling : data.TestSampling;
        return new ClipLoaderOptions(
            new ClipSampling(data.Frames, data.FrameStep),
            new FrameFormat(data.Resolution, data.Resolution, data.Resize == Specs.ResizeMode.Crop ? Data.Video.ResizeMode.Crop : Data.Video.ResizeMode.Pad),
            spec.Train.BatchSize)
        {
            Start = sampling == SamplingMode.Random ? ClipStart.Random : ClipStart.Centre,
            Seed = spec.Seed,
            Shuffle = training,
            Workers = data.Workers > 0 ? data.Workers : Math.Max(1, Environment.ProcessorCount),
            OnBadVideo = data.BadFiles == BadFilesPolicy.Skip ? BadVideoPolicy.Skip : BadVideoPolicy.Fail,
            CacheDirectory = data.Cache ? Path.Combine(catalog.CacheFolder, "clips") : null,
        };
    }

    public static ClipLoader Create(IReadOnlyList<VideoItem> items, ClipLoaderOptions options, Action<BadVideo> onSkipped) =>
        new(items, options, onSkipped);
}
