using OpenCvSharp;

namespace MovinetExp.Data.Video;

/// <summary>
/// The general cursor: FFmpeg decodes every frame it passes (inter-coded video needs its references),
/// but skipped frames are only grabbed, without the colour conversion a full read pays.
/// </summary>
internal sealed class DecodingFrameCursor : FrameCursor
{
    private readonly string _path;
    private readonly VideoLengths _lengths;
    private readonly int _decoderThreads;
    private readonly Mat _frame = new();
    private VideoCapture _capture;

    /// <param name="capture">An opened capture of <paramref name="path"/>, owned by the cursor from now on.</param>
    public DecodingFrameCursor(VideoCapture capture, string path, VideoLengths lengths, int decoderThreads)
    {
        _capture = capture;
        _path = path;
        _lengths = lengths;
        _decoderThreads = decoderThreads;
    }

    /// <summary>
    /// Seeks when the video's length is known and equals the container's count (an indexed container
    /// whose count checked out): measured on the 45 real clips, such seeks land on exactly the grabbed
    /// frame, and cost 3x less than grabbing on UCF101's XVID AVIs and up to 15x less on long H.264
    /// MP4s. Otherwise (raw streams, lying counts, unknown length) the cursor stays at the start, which
    /// is always exact. A refused seek reopens the file.
    /// </summary>
    public override int SkipTo(int index)
    {
        if (index == 0) return 0;
        if (_lengths.TryGetKnown(_path, out int known) && known == VideoFile.ReportedFrameCount(_capture))
        {
            if (_capture.Set(VideoCaptureProperties.PosFrames, index)) return index;
            _capture.Dispose();
            _capture = VideoFile.Open(_path, _decoderThreads);
        }
        return 0;
    }

    public override bool MoveNext() => _capture.Grab();

    public override Mat? Decode() => _capture.Retrieve(_frame) && !_frame.Empty() ? _frame : null;

    public override void Dispose()
    {
        _capture.Dispose();
        _frame.Dispose();
    }
}
