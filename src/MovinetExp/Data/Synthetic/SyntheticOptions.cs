using MovinetExp.Common;

namespace MovinetExp.Data.Synthetic;

/// <summary>What to generate: which motion classes, how many videos of what size. Same options and seed, same bytes.</summary>
public sealed record SyntheticOptions
{
    public SyntheticOptions(IReadOnlyList<MotionKind> classes, int videosPerClass, int framesPerVideo,
        int height = 128, int width = 128, double fps = 25, int seed = 0)
    {
        if (classes.Count < 1 || classes.Distinct().Count() != classes.Count)
            throw new UsageException($"synthetic classes must be at least one and distinct (got {string.Join(", ", classes)}).");
        if (videosPerClass < 1) throw new UsageException($"synthetic videos_per_class must be at least 1 (got {videosPerClass}).");
        if (framesPerVideo < 2) throw new UsageException($"synthetic frames_per_video must be at least 2 (got {framesPerVideo}).");
        if (height < 32 || width < 32) throw new UsageException($"synthetic frame size must be at least 32x32 (got {height}x{width}).");
        if (!(fps > 0)) throw new UsageException($"synthetic fps must be positive (got {fps}).");
        Classes = classes.ToArray();
        VideosPerClass = videosPerClass;
        FramesPerVideo = framesPerVideo;
        Height = height;
        Width = width;
        Fps = fps;
        Seed = seed;
    }

    /// <summary>The first <paramref name="count"/> kinds of <see cref="MotionKinds.All"/>.</summary>
    public static SyntheticOptions WithClassCount(int count, int videosPerClass, int framesPerVideo,
        int height = 128, int width = 128, double fps = 25, int seed = 0)
    {
        if (count < 1 || count > MotionKinds.All.Count)
            throw new UsageException($"synthetic class count must be between 1 and {MotionKinds.All.Count} (got {count}).");
        return new SyntheticOptions(MotionKinds.All.Take(count).ToArray(), videosPerClass, framesPerVideo, height, width, fps, seed);
    }

    /// <summary>From class names such as "move_left" (see <see cref="MotionKinds"/>).</summary>
    public static SyntheticOptions WithClassNames(IEnumerable<string> names, int videosPerClass, int framesPerVideo,
        int height = 128, int width = 128, double fps = 25, int seed = 0) =>
        new(names.Select(MotionKinds.Parse).ToArray(), videosPerClass, framesPerVideo, height, width, fps, seed);

    /// <summary>Motion classes in label order.</summary>
    public IReadOnlyList<MotionKind> Classes { get; }

    public int VideosPerClass { get; }
    public int FramesPerVideo { get; }

    /// <summary>Frame height in pixels.</summary>
    public int Height { get; }

    /// <summary>Frame width in pixels.</summary>
    public int Width { get; }

    /// <summary>Frame rate written into the AVI header.</summary>
    public double Fps { get; }

    /// <summary>Seed of every random choice; same seed, byte-identical files.</summary>
    public int Seed { get; }

    /// <summary>A stable one-line description used to decide whether an existing set can be reused.</summary>
    public string Fingerprint =>
        $"v1|{string.Join(",", Classes.Select(MotionKinds.Name))}|{VideosPerClass}|{FramesPerVideo}|{Height}x{Width}|{Fps.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}|{Seed}";
}
