using MovinetExp.Common;
using MovinetExp.Data.Video;
using OpenCvSharp;

namespace MovinetExp.Data.Synthetic;

/// <summary>
/// Writes a synthetic motion dataset as real MJPG AVI files, <c>root/&lt;class&gt;/&lt;class&gt;_NNN.avi</c>.
/// Each video's content comes from a generator keyed by (seed, motion kind, video index), so the same
/// options give byte-identical files in any order and on any number of threads, and a kind's videos
/// do not change when other classes are added. A finished set with the same options is reused.
/// </summary>
public static class SyntheticDatasetGenerator
{
    /// <summary>Generates (or reuses) the set in <paramref name="root"/>; <paramref name="progress"/> gets the count of videos written.</summary>
    public static SyntheticDataset Generate(string root, SyntheticOptions options, IProgress<int>? progress = null,
        CancellationToken cancellation = default)
    {
        root = Path.GetFullPath(root);
        var classNames = options.Classes.Select(MotionKinds.Name).ToArray();
        var files = options.Classes.SelectMany((kind, label) => Enumerable.Range(0, options.VideosPerClass)
            .Select(i => (Kind: kind, Label: label, Index: i, Relative: RelativePath(kind, i, options.VideosPerClass)))).ToArray();
        var items = files.Select(f => new VideoItem(Path.Combine(root, f.Relative), f.Label, classNames[f.Label])).ToArray();

        var existing = SyntheticMarker.Read(root);
        if (existing != null && existing.IsReusable(root, options.Fingerprint))
            return new SyntheticDataset(root, classNames, items, Reused: true);
        PrepareFolder(root, existing);

        var marker = new SyntheticMarker(options.Fingerprint, false, files.Select(f => f.Relative).ToArray());
        marker.Write(root);
        foreach (string name in classNames) Directory.CreateDirectory(Path.Combine(root, name));

        int written = 0;
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellation },
            file =>
            {
                WriteVideo(Path.Combine(root, file.Relative), file.Kind, file.Index, options);
                progress?.Report(Interlocked.Increment(ref written));
            });
        (marker with { Complete = true }).Write(root);
        return new SyntheticDataset(root, classNames, items, Reused: false);
    }

    /// <summary>The content of one video, as the generator draws it (used by tests to know the background).</summary>
    internal static MotionScene Scene(MotionKind kind, int videoIndex, SyntheticOptions options) =>
        new(kind, options.Height, options.Width, options.FramesPerVideo,
            new Random(SamplingRandom.SeedFor(options.Seed, (int)kind, videoIndex)));

    private static string RelativePath(MotionKind kind, int index, int count)
    {
        string name = MotionKinds.Name(kind);
        string number = index.ToString(new string('0', Math.Max(3, count.ToString().Length)));
        return Path.Combine(name, $"{name}_{number}.avi");
    }

    /// <summary>Removes the files a previous generation listed; refuses to write into a non-empty folder that is not a synthetic set.</summary>
    private static void PrepareFolder(string root, SyntheticMarker? previous)
    {
        if (previous == null)
        {
            if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
                throw new DataException($"Synthetic dataset folder {root} is not empty and has no {SyntheticMarker.FileName}; " +
                    "choose an empty or new folder so no other data is overwritten.");
            Directory.CreateDirectory(root);
            return;
        }
        foreach (string relative in previous.Files)
        {
            string path = Path.Combine(root, relative);
            if (File.Exists(path)) File.Delete(path);
        }
    }

    private static void WriteVideo(string path, MotionKind kind, int index, SyntheticOptions options)
    {
        using var scene = Scene(kind, index, options);
        using var writer = new VideoWriter(path, FourCC.MJPG, options.Fps, new Size(options.Width, options.Height), isColor: true);
        if (!writer.IsOpened())
            throw new DataException($"Cannot write synthetic video {path}: OpenCV's MJPG writer did not open it. Check the folder is writable.");
        using var frame = new Mat(options.Height, options.Width, MatType.CV_8UC3);
        for (int t = 0; t < options.FramesPerVideo; t++)
        {
            scene.Render(t, frame);
            writer.Write(frame);
        }
    }
}
