using MovinetExp.Common;
using OpenCvSharp;

namespace MovinetExp.Data.Video;

/// <summary>
/// Decodes clips from video files (OpenCvSharp/FFmpeg) the way the tutorial's
/// <c>frames_from_video_file</c> does: frames start, start + step, ... read in one forward pass, each
/// fitted by <see cref="FrameResizer"/>; frames past the end are zero. Differences, on purpose:
/// the video length comes from <see cref="VideoLengths"/> (the container count is only a hint); frames
/// between clip frames are skipped as cheaply as the codec allows (see <see cref="FrameCursor"/>); and
/// bad input raises a <see cref="DataException"/> instead of crashing. Thread-safe: every call uses its own decoder.
/// </summary>
public sealed class VideoClipReader
{
    private readonly VideoLengths _lengths;
    private readonly int _decoderThreads;
    private readonly LoadProfile? _profile;

    /// <param name="decoderThreads">FFmpeg threads per video: 0 = FFmpeg's choice (one per core), 1 when
    /// the caller decodes several videos in parallel (see <see cref="VideoFile.Open"/>). Pixels do not depend on it.</param>
    /// <param name="profile">Where to record the time of each decoding stage; null records nothing.</param>
    public VideoClipReader(ClipSampling sampling, FrameFormat format, VideoLengths? lengths = null, int decoderThreads = 0,
        LoadProfile? profile = null)
    {
        Sampling = sampling;
        Format = format;
        _lengths = lengths ?? new VideoLengths();
        _decoderThreads = decoderThreads;
        _profile = profile;
    }

    /// <summary>Frames per clip and their spacing.</summary>
    public ClipSampling Sampling { get; }

    /// <summary>Output frame size and fitting mode.</summary>
    public FrameFormat Format { get; }

    /// <summary>Decodable frames of the video (see <see cref="VideoLengths"/>).</summary>
    public int Length(string path)
    {
        using (LoadProfile.Time(_profile, LoadStage.Length)) return _lengths.Resolve(path);
    }

    /// <summary>
    /// One clip whose start follows <paramref name="mode"/>; a random start is drawn from
    /// <c>new Random(samplingSeed)</c>, so the same seed and file always give the same clip.
    /// </summary>
    public Clip Read(string path, ClipStart mode, int samplingSeed) =>
        ReadPlanned(path, length => [PlanFrom(length, mode, samplingSeed)])[0];

    /// <summary>The plan <see cref="Read(string, ClipStart, int)"/> would use, without decoding any frame.</summary>
    public ClipPlan PlanFor(string path, ClipStart mode, int samplingSeed) =>
        PlanFrom(Length(path), mode, samplingSeed);

    /// <summary>
    /// The clip for an explicit plan, without resolving the video's length first (frames past the end
    /// are zero). Throws if the plan starts at frame 0 and not even that frame decodes.
    /// </summary>
    public Clip Read(string path, ClipPlan plan)
    {
        var clip = Decode(path, [plan], out _)[0];
        if (clip.DecodedFrames == 0 && plan.Start == 0) throw VideoFile.Unreadable(path, "no frame could be decoded");
        return clip;
    }

    /// <summary><paramref name="clips"/> evenly spaced clips (multi-clip evaluation), decoded in a single pass.</summary>
    public IReadOnlyList<Clip> ReadEvenlySpaced(string path, int clips) =>
        ReadPlanned(path, length => ClipSampler.EvenlySpaced(length, Sampling, clips));

    // A fresh generator per plan: a replanned clip draws the same number as a first plan would.
    private ClipPlan PlanFrom(int length, ClipStart mode, int samplingSeed) =>
        ClipSampler.Plan(length, Sampling, mode, new Random(samplingSeed));

    /// <summary>
    /// Plans from the resolved length and decodes. If the stream ends before that length (a container
    /// count that passed the cheap check but lied), the true length is counted (the pass may have seeked,
    /// so the frames it saw are no count), recorded, and the plans are made again from it: a file always
    /// yields the same clips whatever was learnt about it before.
    /// </summary>
    private IReadOnlyList<Clip> ReadPlanned(string path, Func<int, IReadOnlyList<ClipPlan>> plan)
    {
        int length = Length(path);
        var clips = Decode(path, plan(length), out int? endedAt);
        if (endedAt < length)
        {
            int actual;
            using (LoadProfile.Time(_profile, LoadStage.Length)) actual = VideoFile.CountDecodableFrames(path);
            if (actual == 0) throw VideoFile.Unreadable(path, "no frame could be decoded");
            _lengths.Remember(path, actual);
            clips = Decode(path, plan(actual), out _);
        }
        return clips;
    }

    /// <summary>
    /// One forward pass decoding every frame any plan needs; <paramref name="endedAt"/> is the frame index
    /// at which the stream ran out before the last needed frame, or null if it did not. Motion-JPEG
    /// files are read packet by packet; if one of their wanted frames does not decode that way, the
    /// whole read is done again through FFmpeg, which conceals damage the way every other codec's read does.
    /// </summary>
    private Clip[] Decode(string path, IReadOnlyList<ClipPlan> plans, out int? endedAt)
    {
        var wanted = WantedFrames(plans);
        FrameCursor opened;
        using (LoadProfile.Time(_profile, LoadStage.Open)) opened = FrameCursor.Open(path, _lengths, _decoderThreads);
        using (var cursor = opened)
        {
            if (TryDecode(path, plans, wanted, cursor, out var clips, out endedAt)) return clips;
        }
        VideoCapture capture;
        using (LoadProfile.Time(_profile, LoadStage.Open)) capture = VideoFile.Open(path, _decoderThreads);
        using var decoder = new DecodingFrameCursor(capture, path, _lengths, _decoderThreads);
        TryDecode(path, plans, wanted, decoder, out var decoded, out endedAt);
        return decoded;
    }

    /// <summary>
    /// Fills the clips from <paramref name="cursor"/>; false when a frame it reached could not be decoded
    /// and the cursor has a fallback (<see cref="FrameCursor.HasFallback"/>). Otherwise such a frame ends the stream.
    /// </summary>
    private bool TryDecode(string path, IReadOnlyList<ClipPlan> plans, Dictionary<int, List<(int Clip, int T)>> wanted,
        FrameCursor cursor, out Clip[] clips, out int? endedAt)
    {
        int lastWanted = wanted.Keys.Max();
        var pixels = plans.Select(_ => new float[Sampling.Frames * Format.FrameLength]).ToArray();
        var decodedPerClip = new int[plans.Count];
        using var resizer = new FrameResizer(Format);
        int index = 0;
        clips = [];
        endedAt = null;
        try
        {
            using (LoadProfile.Time(_profile, LoadStage.Seek)) index = cursor.SkipTo(wanted.Keys.Min());
            for (; index <= lastWanted; index++)
            {
                bool moved;
                using (LoadProfile.Time(_profile, LoadStage.Grab)) moved = cursor.MoveNext();
                if (!moved) break;
                if (!wanted.TryGetValue(index, out var slots)) continue;
                Mat? frame;
                using (LoadProfile.Time(_profile, LoadStage.Retrieve)) frame = cursor.Decode();
                if (frame == null)
                {
                    if (cursor.HasFallback) return false;
                    break;
                }
                var (firstClip, firstT) = slots[0];
                var target = pixels[firstClip].AsSpan(firstT * Format.FrameLength, Format.FrameLength);
                using (LoadProfile.Time(_profile, LoadStage.Convert)) resizer.Convert(frame, target);
                foreach (var (clip, t) in slots)
                {
                    if (clip != firstClip || t != firstT) target.CopyTo(pixels[clip].AsSpan(t * Format.FrameLength, Format.FrameLength));
                    decodedPerClip[clip]++;
                }
            }
        }
        catch (Exception e) when (e is not DataException)
        {
            throw VideoFile.Unreadable(path, $"decoding failed at frame {index}: {e.Message}", e);
        }
        endedAt = index <= lastWanted ? index : null;
        clips = plans.Select((p, i) => new Clip(pixels[i], Sampling.Frames, Format.Height, Format.Width, p.Start, decodedPerClip[i])).ToArray();
        return true;
    }

    /// <summary>Source frame index -> the (clip, clip frame) slots it fills; plans may share frames.</summary>
    private static Dictionary<int, List<(int Clip, int T)>> WantedFrames(IReadOnlyList<ClipPlan> plans)
    {
        var wanted = new Dictionary<int, List<(int, int)>>();
        for (int c = 0; c < plans.Count; c++)
            for (int t = 0; t < plans[c].Sampling.Frames; t++)
            {
                int index = plans[c].FrameIndex(t);
                if (!wanted.TryGetValue(index, out var slots)) wanted[index] = slots = [];
                slots.Add((c, t));
            }
        return wanted;
    }
}
