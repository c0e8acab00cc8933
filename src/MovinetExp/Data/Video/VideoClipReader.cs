using MovinetExp.Common;
using OpenCvSharp;

namespace MovinetExp.Data.Video;

/// <summary>
/// Decodes clips from video files (OpenCvSharp/FFmpeg) the way the tutorial's
/// <c>frames_from_video_file</c> does: frames start, start + step, ... read in one forward pass, each
/// fitted by <see cref="FrameResizer"/>; frames past the end are zero. Differences, on purpose:
/// the video length comes from <see cref="VideoLengths"/> (the container count is only a hint); the
/// start is reached by a seek only where seeking was measured to be exact, else by <c>Grab()</c>
/// (decode without colour conversion), as are the frames skipped between clip frames; and bad input
/// raises a <see cref="DataException"/> instead of crashing. Thread-safe: every call uses its own decoder.
/// </summary>
public sealed class VideoClipReader
{
    private readonly VideoLengths _lengths;

    public VideoClipReader(ClipSampling sampling, FrameFormat format, VideoLengths? lengths = null)
    {
        Sampling = sampling;
        Format = format;
        _lengths = lengths ?? new VideoLengths();
    }

    /// <summary>Frames per clip and their spacing.</summary>
    public ClipSampling Sampling { get; }

    /// <summary>Output frame size and fitting mode.</summary>
    public FrameFormat Format { get; }

    /// <summary>Decodable frames of the video (see <see cref="VideoLengths"/>).</summary>
    public int Length(string path) => _lengths.Resolve(path);

    /// <summary>
    /// One clip whose start follows <paramref name="mode"/>; a random start is drawn from
    /// <c>new Random(samplingSeed)</c>, so the same seed and file always give the same clip.
    /// </summary>
    public Clip Read(string path, ClipStart mode, int samplingSeed) =>
        ReadPlanned(path, length => [PlanFrom(length, mode, samplingSeed)])[0];

    /// <summary>The plan <see cref="Read(string, ClipStart, int)"/> would use, without decoding any frame.</summary>
    public ClipPlan PlanFor(string path, ClipStart mode, int samplingSeed) =>
        PlanFrom(_lengths.Resolve(path), mode, samplingSeed);

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
        int length = _lengths.Resolve(path);
        var clips = Decode(path, plan(length), out int? endedAt);
        if (endedAt < length)
        {
            int actual = VideoFile.CountDecodableFrames(path);
            if (actual == 0) throw VideoFile.Unreadable(path, "no frame could be decoded");
            _lengths.Remember(path, actual);
            clips = Decode(path, plan(actual), out _);
        }
        return clips;
    }

    /// <summary>
    /// One forward pass decoding every frame any plan needs; <paramref name="endedAt"/> is the frame index
    /// at which the stream ran out before the last needed frame, or null if it did not.
    /// </summary>
    private Clip[] Decode(string path, IReadOnlyList<ClipPlan> plans, out int? endedAt)
    {
        var wanted = WantedFrames(plans);
        int lastWanted = wanted.Keys.Max();
        var pixels = plans.Select(_ => new float[Sampling.Frames * Format.FrameLength]).ToArray();
        var decodedPerClip = new int[plans.Count];

        VideoCapture capture = VideoFile.Open(path);
        using var resizer = new FrameResizer(Format);
        using var frame = new Mat();
        int index = 0;
        try
        {
            index = SkipToFirstWanted(path, ref capture, wanted.Keys.Min());
            for (; index <= lastWanted; index++)
            {
                if (!capture.Grab()) break;
                if (!wanted.TryGetValue(index, out var slots)) continue;
                if (!capture.Retrieve(frame) || frame.Empty()) break;
                var (firstClip, firstT) = slots[0];
                var target = pixels[firstClip].AsSpan(firstT * Format.FrameLength, Format.FrameLength);
                resizer.Convert(frame, target);
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
        finally
        {
            capture.Dispose();
        }
        endedAt = index <= lastWanted ? index : null;
        return plans.Select((p, i) => new Clip(pixels[i], Sampling.Frames, Format.Height, Format.Width, p.Start, decodedPerClip[i])).ToArray();
    }

    /// <summary>
    /// Moves to the first needed frame and returns its index. Seeks when the video's length is known
    /// and equals the container's count (an indexed container whose count checked out): measured on the
    /// 45 real clips, such seeks land on exactly the grabbed frame, and cost 3x less than grabbing on
    /// UCF101's XVID AVIs and up to 15x less on long H.264 MP4s. Otherwise (raw streams, lying counts,
    /// unknown length) frames are grabbed from the start, which is always exact. A refused seek reopens
    /// the file and falls back to grabbing.
    /// </summary>
    private int SkipToFirstWanted(string path, ref VideoCapture capture, int firstWanted)
    {
        if (firstWanted == 0) return 0;
        if (_lengths.TryGetKnown(path, out int known) && known == VideoFile.ReportedFrameCount(capture))
        {
            if (capture.Set(VideoCaptureProperties.PosFrames, firstWanted)) return firstWanted;
            capture.Dispose();
            capture = VideoFile.Open(path);
        }
        return 0;
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
