using System.Collections.Concurrent;
using OpenCvSharp;

namespace MovinetExp.Data.Video;

/// <summary>
/// The number of frames a video really decodes to, which clip sampling needs. Container counts are
/// hints: raw MPEG-4 streams report none, <c>tree.avi</c> reports 444 but decodes 68, several MKVs
/// report one frame too many. Policy: count the container's packets without decoding them (see
/// <see cref="VideoFile.CountPackets"/>); where raw packets are refused, trust the reported count if its
/// last frame decodes, else count by grabbing every frame. A packet count that still overstates (a last
/// packet that does not decode) is caught by the reader, which then counts decodable frames and
/// <see cref="Remember"/>s them. Results are memoised per file version, so the cost is paid once per
/// file per process. Thread-safe.
/// </summary>
public sealed class VideoLengths
{
    private readonly ConcurrentDictionary<FileIdentity, int> _known = new();

    /// <summary>Decodable frames of <paramref name="path"/>; throws DataException for unreadable or empty videos.</summary>
    public int Resolve(string path)
    {
        var identity = FileIdentity.Of(path);
        if (_known.TryGetValue(identity, out int known)) return known;
        int length = Measure(path);
        if (length == 0) throw VideoFile.Unreadable(path, "it contains no decodable frames");
        return _known.GetOrAdd(identity, length);
    }

    /// <summary>Records a length learnt elsewhere: while decoding (a stream that ended early) or from a persistent cache.</summary>
    public void Remember(string path, int decodableFrames) => _known[FileIdentity.Of(path)] = decodableFrames;

    /// <summary>Whether a length is already known, without touching the file's contents.</summary>
    public bool TryGetKnown(string path, out int length) => _known.TryGetValue(FileIdentity.Of(path), out length);

    private static int Measure(string path)
    {
        if (VideoFile.CountPackets(path) is int packets) return packets;
        using (VideoCapture capture = VideoFile.Open(path))
        {
            int reported = VideoFile.ReportedFrameCount(capture);
            if (reported > 0 && LastFrameDecodes(capture, reported)) return reported;
        }
        return VideoFile.CountDecodableFrames(path);
    }

    private static bool LastFrameDecodes(VideoCapture capture, int reported)
    {
        try
        {
            return capture.Set(VideoCaptureProperties.PosFrames, reported - 1) && capture.Grab();
        }
        catch (OpenCVException)
        {
            return false;
        }
    }
}
