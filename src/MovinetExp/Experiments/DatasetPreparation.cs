using Microsoft.Extensions.Logging;
using MovinetExp.Catalog;
using MovinetExp.Common;
using MovinetExp.Data.Remote;
using MovinetExp.Data.Sources;
using MovinetExp.Data.Synthetic;
using MovinetExp.Specs;

namespace MovinetExp.Experiments;

/// <summary>
/// Turns the spec's <c>data:</c> section into chosen videos: generates the synthetic set, reads a
/// folder or split lists, or fetches only the chosen UCF101 entries from the remote zip; then selects
/// classes and per-class splits with the spec's seed. The spec is a resolved one (<see cref="SpecResolution"/>):
/// its paths are absolute and its defaults filled in.
/// </summary>
public static class DatasetPreparation
{
    public static async Task<PreparedDataset> PrepareAsync(ExperimentSpec spec, ToolCatalog catalog,
        ILogger log, IProgress<string>? status, CancellationToken cancellation)
    {
        var data = spec.Data;
        var request = new SplitRequest(data.Classes, new SplitCounts(data.Split.Train.Count, data.Split.Val, data.Split.Test.Count),
            data.SplitPolicy, spec.Seed);

        DatasetSplits splits;
        string description;
        switch (data.Source)
        {
            case DataSource.Synthetic:
            {
                var options = SyntheticOptionsFor(spec);
                string root = Resolved(data.Path, "data.path");
                status?.Report($"generating synthetic videos in {root}");
                var generated = SyntheticDatasetGenerator.Generate(root, options, cancellation: cancellation);
                log.LogInformation("synthetic dataset {Root}: {Classes} classes, {Videos} videos ({Reused})",
                    generated.Root, generated.ClassNames.Count, generated.Items.Count, generated.Reused ? "reused" : "generated");
                splits = FolderSource.Load(generated.Root, request);
                description = $"synthetic motion classes in {generated.Root}";
                break;
            }
            case DataSource.Folder:
            {
                string root = Resolved(data.Path, "data.path");
                splits = FolderSource.Load(root, request);
                description = $"folder {root}";
                break;
            }
            case DataSource.List:
            {
                string root = Resolved(data.Path, "data.path");
                string train = Resolved(data.List.Train, "data.list.train");
                if (train.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                    splits = CsvListSource.Load(train, request);
                else
                    splits = Ucf101SplitListSource.Load(root, data.List.ClassIndex ?? Path.Combine(Path.GetDirectoryName(train)!, "classInd.txt"),
                        train, Resolved(data.List.Test, "data.list.test"), request);
                description = $"split lists {train}";
                RequireListedSplits(data, splits, train);
                break;
            }
            case DataSource.Ucf101:
            {
                var url = ZipLocation.Resolve(Resolved(data.Url, "data.url"), Environment.CurrentDirectory);
                status?.Report(url.IsFile
                    ? $"reading the UCF101 zip {url.LocalPath} (only the chosen videos are extracted)"
                    : $"reading the UCF101 zip's directory at {url} (only the chosen videos are downloaded)");
                splits = await Ucf101ZipSource.LoadAsync(url, Path.Combine(catalog.CacheFolder, "ucf101"), request,
                    new ThrottledProgress<(long Done, long? Total)>(new SyncProgress<(long Done, long? Total)>(p => status?.Report($"downloading UCF101 videos: {p.Done / 1e6:F1} MB")), TimeSpan.FromSeconds(5)),
                    ct: cancellation, settings: catalog.Download);
                description = $"UCF101 {(url.IsFile ? url.LocalPath : url)}";
                break;
            }
            default:
                throw new UsageException($"data.source '{data.Source}' is not supported.");
        }

        // Videos left out deserve attention; other files (a README, the generator's marker) only a log line.
        foreach (var excluded in splits.Excluded)
            log.Log(VideoFiles.IsVideo(excluded.Path) ? LogLevel.Warning : LogLevel.Information, "excluded {Path}: {Reason}", excluded.Path, excluded.Reason);
        status?.Report("hashing the chosen videos");
        var manifest = splits.BuildManifest();
        log.LogInformation("{Description}: {Classes} classes; train {Train}, val {Val}, test {Test} videos; manifest sha256 {Hash}",
            description, splits.ClassNames.Count, splits.Train.Count, splits.Val.Count, splits.Test.Count, manifest.Sha256);
        return new PreparedDataset(splits, manifest, description);
    }

    private static SyntheticOptions SyntheticOptionsFor(ExperimentSpec spec)
    {
        var s = spec.Data.Synthetic;
        var names = s.Kinds ?? spec.Data.Classes.Names;
        return names != null
            ? SyntheticOptions.WithClassNames(names, s.VideosPerClass, s.FramesPerVideo, s.Size, s.Size, s.Fps, spec.Seed)
            : SyntheticOptions.WithClassCount(spec.Data.Classes.Count, s.VideosPerClass, s.FramesPerVideo, s.Size, s.Size, s.Fps, spec.Seed);
    }

    /// <summary>
    /// <c>all</c> takes the split the lists define; lists that define none (a CSV without a split column is one
    /// pool) would silently leave that split empty, so that is an error naming the key.
    /// </summary>
    private static void RequireListedSplits(DataSpec data, DatasetSplits splits, string trainList)
    {
        foreach (var (key, size, chosen) in new[] { ("train", data.Split.Train, splits.Train), ("test", data.Split.Test, splits.Test) })
        {
            if (!size.IsAll || chosen.Count > 0) continue;
            string how = trainList.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                ? "a CSV list assigns videos to splits in a 'split' column (train, val or test on each line): add one"
                : $"add the {key} videos to the {key} list";
            throw new DataException(
                $"data.split.{key}: all takes the videos the split lists assign to {key}, but '{trainList}' and its companions assign none; " +
                $"{how}, or give a number of videos per class.");
        }
    }

    /// <summary>A value <see cref="SpecResolution"/> made absolute or filled in (a caller that skipped it is a bug).</summary>
    private static string Resolved(string? value, string key) =>
        value is not null && (Path.IsPathRooted(value) || value.Contains("://", StringComparison.Ordinal)) ? value
            : throw new InvalidOperationException($"{key} '{value}' was not resolved: prepare data from a spec that SpecResolution resolved.");
}
