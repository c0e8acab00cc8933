namespace MovinetExp.Data.Video;

/// <summary>
/// Which source frames one clip takes: <see cref="Start"/>, Start + step, ... An index at or past the
/// end of the video yields an all-zero frame, as the tutorial appends zeros when a read fails.
/// </summary>
public sealed record ClipPlan(int Start, ClipSampling Sampling)
{
    /// <summary>Source frame index of clip frame <paramref name="t"/>.</summary>
    public int FrameIndex(int t) => Start + t * Sampling.FrameStep;

    /// <summary>Source frame index of the last clip frame.</summary>
    public int LastIndex => FrameIndex(Sampling.Frames - 1);
}
