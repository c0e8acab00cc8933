using MovinetExp.Common;

namespace MovinetExp.Data.Video;

/// <summary>
/// How many frames a clip holds and how many source frames apart they are: the TF tutorial's
/// <c>n_frames</c> and <c>frame_step</c>.
/// </summary>
public sealed record ClipSampling
{
    public ClipSampling(int frames, int frameStep)
    {
        if (frames < 1) throw new UsageException($"clip frames must be at least 1 (got {frames}).");
        if (frameStep < 1) throw new UsageException($"clip frame_step must be at least 1 (got {frameStep}).");
        Frames = frames;
        FrameStep = frameStep;
    }

    /// <summary>Frames per clip (T).</summary>
    public int Frames { get; }

    /// <summary>Distance in source frames between two consecutive clip frames.</summary>
    public int FrameStep { get; }

    /// <summary>Source frames a clip spans: the tutorial's <c>need_length = 1 + (n_frames - 1) * frame_step</c>.</summary>
    public int NeedLength => 1 + (Frames - 1) * FrameStep;
}
