using MovinetExp.Common;

namespace MovinetExp.Data.Video;

/// <summary>
/// Reads frames 0, step, 2*step, ... of a video one at a time, in one forward pass, for streaming: memory
/// holds the decoder and one frame however long the video is (a <see cref="VideoClipReader"/> clip holds
/// every frame it returns). Frames are fitted like clip frames (<see cref="FrameResizer"/>) and cost what
/// the codec allows (<see cref="FrameCursor"/>). The stream ends where decoding ends, so a container whose
/// frame count lies yields its real frames and no zero padding. A Motion-JPEG frame libjpeg rejects is
/// decoded by FFmpeg instead, from that frame on, which conceals damage as a clip read does. Not thread-safe.
/// </summary>
public sealed class VideoFrameReader : IDisposable
{
    private readonly string _path;
    private readonly int _frameStep;
    private readonly int _decoderThreads;
    private readonly FrameResizer _resizer;
    private FrameCursor _cursor;
    private int _position = -1; // source index the cursor stands on
    private bool _ended;

    private VideoFrameReader(string path, FrameFormat format, int frameStep, int decoderThreads, FrameCursor cursor)
    {
        _path = path;
        _frameStep = frameStep;
        _decoderThreads = decoderThreads;
        _resizer = new FrameResizer(format);
        _cursor = cursor;
    }

    /// <summary>Output frame size and fitting mode.</summary>
    public FrameFormat Format => _resizer.Format;

    /// <summary>Source frame index of the frame the last successful <see cref="Read"/> returned (-1 before).</summary>
    public int SourceIndex { get; private set; } = -1;

    /// <summary>How many frames <see cref="Read"/> has returned.</summary>
    public int FramesRead { get; private set; }

    /// <exception cref="DataException">The file cannot be opened as a video.</exception>
    public static VideoFrameReader Open(string path, FrameFormat format, int frameStep, int decoderThreads = 0)
    {
        if (frameStep < 1) throw new UsageException($"frame step must be at least 1 (got {frameStep}).");
        return new VideoFrameReader(path, format, frameStep, decoderThreads, FrameCursor.Open(path, new VideoLengths(), decoderThreads));
    }

    /// <summary>
    /// Writes the next sampled frame into <paramref name="destination"/> (<see cref="FrameFormat.FrameLength"/>
    /// floats, [H, W, 3] RGB in [0, 1]); false at the end of the video.
    /// </summary>
    /// <exception cref="DataException">Not even the first frame decodes, or the decoder fails.</exception>
    public bool Read(Span<float> destination)
    {
        if (_ended) return false;
        int wanted = FramesRead == 0 ? 0 : SourceIndex + _frameStep;
        try
        {
            while (_position < wanted)
            {
                if (!_cursor.MoveNext()) return End();
                _position++;
            }
            var frame = _cursor.Decode();
            if (frame == null && _cursor.HasFallback)
            {
                if (!SwitchToDecoding()) return End();
                frame = _cursor.Decode();
            }
            if (frame == null) return End();
            _resizer.Convert(frame, destination);
        }
        catch (Exception e) when (e is not DataException)
        {
            throw VideoFile.Unreadable(_path, $"decoding failed at frame {_position}: {e.Message}", e);
        }
        SourceIndex = wanted;
        FramesRead++;
        return true;
    }

    public void Dispose()
    {
        _cursor.Dispose();
        _resizer.Dispose();
    }

    private bool End()
    {
        _ended = true;
        if (FramesRead == 0) throw VideoFile.Unreadable(_path, "no frame could be decoded");
        return false;
    }

    /// <summary>
    /// Reopens the file through FFmpeg and walks it to the frame the packet cursor stood on; false when
    /// FFmpeg's stream ends before it.
    /// </summary>
    private bool SwitchToDecoding()
    {
        _cursor.Dispose();
        _cursor = new DecodingFrameCursor(VideoFile.Open(_path, _decoderThreads), _path, new VideoLengths(), _decoderThreads);
        for (int index = 0; index <= _position; index++)
            if (!_cursor.MoveNext()) return false;
        return true;
    }
}
