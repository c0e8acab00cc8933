using MovinetExp.Common;

namespace MovinetExp.Data.Video;

/// <summary>
/// Chooses clip start frames from a video's length alone (no decoding), so the choice is testable and
/// reproducible from a seeded <see cref="System.Random"/>.
/// </summary>
public static class ClipSampler
{
    /// <summary>
    /// The tutorial's start, exactly: <c>start = 0</c> when <c>need_length &gt; video_length</c>, else
    /// <c>random.randint(0, max_start + 1)</c> with <c>max_start = video_length - need_length</c>.
    /// Python's randint includes both ends, so the start ranges over [0, max_start + 1]; the top value
    /// puts the last clip frame one past the end of the video, which the tutorial turns into a zero
    /// frame. That off-by-one is kept on purpose so results match the tutorial's data.
    /// </summary>
    public static ClipPlan RandomStart(int videoLength, ClipSampling sampling, Random rng)
    {
        RequireLength(videoLength);
        int need = sampling.NeedLength;
        if (need > videoLength) return new ClipPlan(0, sampling);
        int maxStart = videoLength - need;
        return new ClipPlan(rng.Next(0, maxStart + 2), sampling);
    }

    /// <summary>
    /// A deterministic start for evaluation: the clip is centred in the video (floor of half the slack),
    /// or starts at 0 when the video is shorter than the clip. Centred rather than 0 because trimmed
    /// action clips tend to show the action in the middle.
    /// </summary>
    public static ClipPlan CentredStart(int videoLength, ClipSampling sampling)
    {
        RequireLength(videoLength);
        int slack = videoLength - sampling.NeedLength;
        return new ClipPlan(slack > 0 ? slack / 2 : 0, sampling);
    }

    /// <summary>
    /// <paramref name="clips"/> clips spread evenly over the video for video-level accuracy: start i is
    /// floor(i * max_start / (clips - 1)), so the first clip starts at 0 and the last ends on the last
    /// frame. One clip is the centred clip; a video shorter than a clip gives clips that all start at 0.
    /// </summary>
    public static IReadOnlyList<ClipPlan> EvenlySpaced(int videoLength, ClipSampling sampling, int clips)
    {
        RequireLength(videoLength);
        if (clips < 1) throw new UsageException($"clips per video must be at least 1 (got {clips}).");
        if (clips == 1) return [CentredStart(videoLength, sampling)];
        int maxStart = Math.Max(0, videoLength - sampling.NeedLength);
        var plans = new ClipPlan[clips];
        for (int i = 0; i < clips; i++)
            plans[i] = new ClipPlan((int)((long)i * maxStart / (clips - 1)), sampling);
        return plans;
    }

    /// <summary>The plan for <paramref name="mode"/>; <paramref name="rng"/> is used only by <see cref="ClipStart.Random"/>.</summary>
    public static ClipPlan Plan(int videoLength, ClipSampling sampling, ClipStart mode, Random rng) => mode switch
    {
        ClipStart.Random => RandomStart(videoLength, sampling, rng),
        ClipStart.Centre => CentredStart(videoLength, sampling),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    private static void RequireLength(int videoLength)
    {
        if (videoLength < 1) throw new ArgumentOutOfRangeException(nameof(videoLength), videoLength, "a video has at least one frame");
    }
}
