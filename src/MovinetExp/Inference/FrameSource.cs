using MovinetExp.Common;
using MovinetExp.Data.Video;

namespace MovinetExp.Inference;

/// <summary>
/// One input of `stream`, read a frame at a time: a video is decoded as the model consumes it, so memory
/// does not grow with the video's length (the whole-clip read of `predict` would hold every frame); a .npy
/// clip is already in memory (as large as its file). Frames are [H, W, 3] RGB floats in [0, 1].
/// </summary>
public sealed class FrameSource : IDisposable
{
    private readonly ReadFrame _read;
    private readonly Action? _dispose;
    private readonly int _maxFrames;

    private delegate bool ReadFrame(Span<float> destination);

    private FrameSource(string name, int height, int width, int maxFrames, ReadFrame read, Action? dispose)
    {
        Name = name;
        Height = height;
        Width = width;
        _maxFrames = maxFrames;
        _read = read;
        _dispose = dispose;
    }

    /// <summary>Where the frames come from (the path as given, or path[b] for a clip of a .npy batch).</summary>
    public string Name { get; }
    public int Height { get; }
    public int Width { get; }
    public int FrameLength => Height * Width * 3;

    /// <summary>How many frames <see cref="Read"/> has returned.</summary>
    public int FramesRead { get; private set; }

    /// <summary>Writes the next frame into <paramref name="destination"/> (<see cref="FrameLength"/> floats); false at the end.</summary>
    /// <exception cref="DataException">The video cannot be decoded.</exception>
    public bool Read(Span<float> destination)
    {
        if (_maxFrames > 0 && FramesRead >= _maxFrames) return false;
        if (!_read(destination)) return false;
        FramesRead++;
        return true;
    }

    /// <summary>
    /// The inputs <paramref name="path"/> holds: one for a video (every <see cref="InputSampling.FrameStep"/>-th
    /// frame from the first) or "-" (standard input, spooled to a temporary file that disposing deletes), one per
    /// clip for a .npy file; each stops after <paramref name="maxFrames"/> frames (0 = no limit).
    /// </summary>
    /// <exception cref="DataException">The file is missing or not a readable video or .npy clip.</exception>
    public static List<FrameSource> Open(string path, InputSampling sampling, int maxFrames)
    {
        if (path.EndsWith(".npy", StringComparison.OrdinalIgnoreCase))
            return InputClips.Read(path, sampling, wholeVideo: false, maxFrames: 0).Select(c => FromClip(c, maxFrames)).ToList();
        bool spooled = path == InputClips.StandardInput;
        string file = spooled ? InputClips.SpoolStandardInput() : path;
        try
        {
            if (!File.Exists(file)) throw new DataException($"{path}: no such file. Pass a video file, a .npy clip, or - for standard input.");
            var reader = VideoFrameReader.Open(file, sampling.Format, sampling.FrameStep);
            return [new FrameSource(path, reader.Format.Height, reader.Format.Width, maxFrames, reader.Read, () =>
            {
                reader.Dispose();
                if (spooled) File.Delete(file);
            })];
        }
        catch
        {
            if (spooled) File.Delete(file);
            throw;
        }
    }

    /// <summary>The frames of a clip already in memory.</summary>
    public static FrameSource FromClip(InputClip clip, int maxFrames = 0)
    {
        int next = 0;
        return new FrameSource(clip.Name, clip.Height, clip.Width, maxFrames, destination =>
        {
            if (next >= clip.Frames) return false;
            clip.Pixels.AsSpan(next++ * clip.FrameLength, clip.FrameLength).CopyTo(destination);
            return true;
        }, null);
    }

    public void Dispose() => _dispose?.Invoke();
}
