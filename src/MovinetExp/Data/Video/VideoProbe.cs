using System.Text;
using OpenCvSharp;

namespace MovinetExp.Data.Video;

/// <summary>Inspects a video file for <c>data inspect</c>: codec, fps, sizes and both frame counts.</summary>
public static class VideoProbe
{
    /// <summary>Reads the container properties and counts decodable frames (a full decode without colour conversion).</summary>
    public static VideoInfo Inspect(string path)
    {
        string fourCC;
        double fps;
        int reported, width, height;
        using (VideoCapture capture = VideoFile.Open(path))
        {
            fourCC = FourCCText((int)capture.Get(VideoCaptureProperties.FourCC));
            fps = capture.Get(VideoCaptureProperties.Fps);
            reported = VideoFile.ReportedFrameCount(capture);
            width = (int)capture.Get(VideoCaptureProperties.FrameWidth);
            height = (int)capture.Get(VideoCaptureProperties.FrameHeight);
        }
        int decodable = VideoFile.CountDecodableFrames(path);
        if (!double.IsFinite(fps) || fps < 0) fps = 0;
        return new VideoInfo(path, fourCC, fps, reported, decodable, width, height, fps > 0 ? decodable / fps : 0);
    }

    /// <summary>Little-endian four-character code, e.g. 0x44495658 -> "XVID".</summary>
    public static string FourCCText(int code)
    {
        var text = new StringBuilder(4);
        for (int i = 0; i < 4; i++)
        {
            int b = (code >> (8 * i)) & 0xFF;
            if (b >= 0x20 && b < 0x7F) text.Append((char)b);
            else text.Append('[').Append(b).Append(']');
        }
        return text.ToString();
    }
}
