using OpenCvSharp;

namespace MovinetExp.Data.Video;

/// <summary>
/// Walks a video's frames in index order and decodes only the ones asked for, so that the cost of a
/// clip follows the codec: frames skipped between clip frames cost a demux (Motion-JPEG) or a decode
/// without colour conversion (inter-coded video), never a full read. Not thread-safe; one per read.
/// </summary>
internal abstract class FrameCursor : IDisposable
{
    /// <summary>
    /// The cheapest exact cursor for the file, opened once: packets for Motion-JPEG, FFmpeg decoding
    /// (with <paramref name="decoderThreads"/>, see <see cref="VideoFile.Open"/>) for everything else.
    /// </summary>
    public static FrameCursor Open(string path, VideoLengths lengths, int decoderThreads)
    {
        var capture = VideoFile.Open(path, decoderThreads);
        try
        {
            return (FrameCursor?)MotionJpegFrameCursor.TryWrap(capture, path) ?? new DecodingFrameCursor(capture, path, lengths, decoderThreads);
        }
        catch
        {
            capture.Dispose();
            throw;
        }
    }

    /// <summary>
    /// True when a frame this cursor cannot decode should send the whole read to the FFmpeg cursor
    /// instead of ending the stream there.
    /// </summary>
    public virtual bool HasFallback => false;

    /// <summary>
    /// Positions the cursor so that the next <see cref="MoveNext"/> lands on <paramref name="index"/>
    /// if that can be done exactly and cheaply; returns the index the next MoveNext will land on
    /// (<paramref name="index"/>, or 0 when the cursor stays at the start).
    /// </summary>
    public abstract int SkipTo(int index);

    /// <summary>Advances one frame; false at the end of the stream.</summary>
    public abstract bool MoveNext();

    /// <summary>
    /// The current frame as 8-bit BGR, owned by the cursor and valid until the next call; null when the
    /// frame cannot be decoded.
    /// </summary>
    public abstract Mat? Decode();

    public abstract void Dispose();
}
