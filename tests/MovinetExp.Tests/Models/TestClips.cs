using MovinetExp.Tests.Support;
using OpenCvSharp;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Models;

/// <summary>Small inputs for model tests: random clips and a few frames of a real UCF101 video.</summary>
internal static class TestClips
{
    public static string PunchVideo => Path.Combine(TestPaths.Videos, "ucf101", "Punch", "v_Punch_g03_c01.avi");

    /// <summary>The first <paramref name="frames"/> frames of a real video as [1,3,T,S,S] RGB in [0,1].</summary>
    public static Tensor RealClip(int frames, int size)
    {
        using var capture = new VideoCapture(PunchVideo);
        Assert.True(capture.IsOpened(), $"Cannot open {PunchVideo}");
        var values = new float[3 * frames * size * size];
        using var frame = new Mat();
        using var resized = new Mat();
        using var rgb = new Mat();
        for (int t = 0; t < frames; t++)
        {
            Assert.True(capture.Read(frame) && !frame.Empty(), $"{PunchVideo} has fewer than {frames} frames");
            Cv2.Resize(frame, resized, new OpenCvSharp.Size(size, size), interpolation: InterpolationFlags.Area);
            Cv2.CvtColor(resized, rgb, ColorConversionCodes.BGR2RGB);
            for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++)
            {
                var pixel = rgb.At<Vec3b>(y, x);
                for (int c = 0; c < 3; c++)
                    values[((c * frames + t) * size + y) * size + x] = pixel[c] / 255f;
            }
        }

        return tensor(values, new long[] { 1, 3, frames, size, size });
    }

    /// <summary>A reproducible random clip in [0,1].</summary>
    public static Tensor RandomClip(long batch, long frames, long size, long seed)
    {
        var generator = new Generator((ulong)seed);
        return rand(new[] { batch, 3, frames, size, size }, generator: generator);
    }
}
