using MovinetExp.Data;
using MovinetExp.Data.Loading;
using MovinetExp.Data.Video;
using MovinetExp.Tests.Support;
using OpenCvSharp;

namespace MovinetExp.Tests.Data.Loading;

/// <summary>
/// Pins the pixels the loader produces on real inter-coded clips, as `bench --only load` loads them
/// (8 frames every 15th, random starts, 224 px with padding, two workers), against an independent path:
/// every frame read in order with <c>VideoCapture.Read</c> (the tutorial's way: no seek, no grab-only
/// skipping) and fitted the way the loader fitted frames before its speed-ups (float scaling, resize,
/// a BGR-to-RGB conversion, then the padded copy). Loading optimisations must not change a pixel.
/// </summary>
public class LoadedFramesTests
{
    private static readonly ClipSampling Sampling = new(8, 15);
    private static readonly FrameFormat Format = new(224, 224);

    [Theory]
    [InlineData("ucf101/Biking/v_Biking_g05_c02.avi")]          // XVID AVI, length in the container: the loader seeks
    [InlineData("ucf101/Basketball/v_Basketball_g01_c02.mp4")]  // raw MPEG-4 stream, no count: the loader grabs from frame 0
    [InlineData("other/video_features/v_GGSY1Qvo990.mp4")]      // H.264 MP4: the loader seeks
    public void LoadedClipsEqualEveryFrameReadInOrderAndFittedTheOldWay(string relative)
    {
        string path = Path.Combine(TestPaths.Videos, relative);
        var items = Enumerable.Range(0, 4).Select(_ => new VideoItem(path, 0, "c")).ToArray(); // four keyed random starts
        var options = ClipLoaderOptions.ForTraining(Sampling, Format, batchSize: 2, seed: 3) with { Workers = 2 };
        var clips = new ClipLoader(items, options).Epoch(0)
            .SelectMany(batch => Enumerable.Range(0, batch.Count).Select(b => (batch.Starts[b], batch.Clip(b).ToArray()))).ToList();
        Assert.Equal(4, clips.Count);
        Assert.True(clips.Select(c => c.Item1).Distinct().Count() > 1, "the seed should give different starts");

        var wanted = clips.SelectMany(c => Enumerable.Range(0, Sampling.Frames).Select(t => c.Item1 + t * Sampling.FrameStep)).ToHashSet();
        var reference = ReadInOrder(path, wanted);
        foreach (var (start, pixels) in clips)
            for (int t = 0; t < Sampling.Frames; t++)
            {
                var expected = reference.GetValueOrDefault(start + t * Sampling.FrameStep) ?? new float[Format.FrameLength]; // past the end: zeros
                Assert.True(expected.AsSpan().SequenceEqual(pixels.AsSpan(t * Format.FrameLength, Format.FrameLength)),
                    $"{relative}: clip starting at {start}, frame {t} differs");
            }
    }

    /// <summary>The wanted frames, found by reading every frame from the first.</summary>
    private static Dictionary<int, float[]> ReadInOrder(string path, HashSet<int> wanted)
    {
        var frames = new Dictionary<int, float[]>();
        using var capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
        using var frame = new Mat();
        for (int index = 0; index <= wanted.Max() && capture.Read(frame) && !frame.Empty(); index++)
            if (wanted.Contains(index)) frames[index] = FitTheOldWay(frame);
        return frames;
    }

    /// <summary>The loader's frame fitting as it was written before the channel swap moved into the copy.</summary>
    private static float[] FitTheOldWay(Mat bgr)
    {
        var layout = ResizeLayout.For(bgr.Height, bgr.Width, Format);
        using var asFloat = new Mat();
        using var resized = new Mat();
        using var rgb = new Mat();
        bgr.ConvertTo(asFloat, MatType.CV_32FC3, 1.0 / 255.0);
        Cv2.Resize(asFloat, resized, new Size(layout.ResizedWidth, layout.ResizedHeight), 0, 0, InterpolationFlags.Linear);
        Cv2.CvtColor(resized, rgb, ColorConversionCodes.BGR2RGB);
        var output = new float[Format.FrameLength];
        for (int y = 0; y < layout.CopyHeight; y++)
            for (int x = 0; x < layout.CopyWidth; x++)
            {
                var pixel = rgb.At<Vec3f>(layout.SourceTop + y, layout.SourceLeft + x);
                int at = ((layout.Top + y) * Format.Width + layout.Left + x) * 3;
                (output[at], output[at + 1], output[at + 2]) = (pixel.Item0, pixel.Item1, pixel.Item2);
            }
        return output;
    }
}
