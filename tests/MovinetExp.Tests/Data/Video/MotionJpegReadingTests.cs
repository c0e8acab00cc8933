using MovinetExp.Data.Video;
using MovinetExp.Tests.Support;
using OpenCvSharp;

namespace MovinetExp.Tests.Data.Video;

/// <summary>
/// Motion-JPEG clips are read from packets, decoding only the clip frames. The videos here encode
/// their frame index as a flat grey level (2 * index), which both JPEG decoders reproduce to within a
/// level, so every clip frame can be traced back to the source index it came from.
/// </summary>
public class MotionJpegReadingTests
{
    private const int Frames = 90;

    internal static string IndexVideo(string folder, int frames = Frames)
    {
        string path = Path.Combine(folder, "index.avi");
        using var writer = new VideoWriter(path, FourCC.MJPG, 25, new Size(48, 32), isColor: true);
        for (int i = 0; i < frames; i++)
        {
            using var frame = new Mat(32, 48, MatType.CV_8UC3, Scalar.All(2 * i));
            writer.Write(frame);
        }
        return path;
    }

    internal static int SourceIndexOf(ReadOnlySpan<float> frame)
    {
        double sum = 0;
        foreach (float v in frame) sum += v;
        return (int)Math.Round(sum / frame.Length * 255 / 2);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    [InlineData(40)]
    public void ClipFramesComeFromStartPlusMultiplesOfTheStep(int start)
    {
        string path = IndexVideo(TestPaths.NewScratchFolder("mjpeg-index"));
        var sampling = new ClipSampling(4, 15);
        var clip = new VideoClipReader(sampling, new FrameFormat(32, 48)).Read(path, new ClipPlan(start, sampling));
        var indices = Enumerable.Range(0, 4).Select(t => SourceIndexOf(clip.Frame(t))).ToArray();
        Assert.Equal(Enumerable.Range(0, 4).Select(t => start + 15 * t), indices);
        Assert.Equal(4, clip.DecodedFrames);
    }

    [Fact]
    public void FramesPastTheEndAreZeroAndTheLengthIsThePacketCount()
    {
        string path = IndexVideo(TestPaths.NewScratchFolder("mjpeg-end"), frames: 50);
        Assert.Equal(50, VideoFile.CountPackets(path));
        Assert.Equal(50, new VideoLengths().Resolve(path));
        var sampling = new ClipSampling(4, 15);
        var clip = new VideoClipReader(sampling, new FrameFormat(32, 48)).Read(path, new ClipPlan(10, sampling)); // 10, 25, 40, 55
        Assert.Equal(3, clip.DecodedFrames);
        Assert.Equal([10, 25, 40], Enumerable.Range(0, 3).Select(t => SourceIndexOf(clip.Frame(t))));
        Assert.All(clip.Frame(3).ToArray(), v => Assert.Equal(0f, v));
    }

    internal static readonly FrameFormat TextureFormat = new(48, 64);

    /// <summary>Smooth random colour textures: the two decoders differ only in rounding and chroma upsampling.</summary>
    internal static string TextureVideo(string path, int frames)
    {
        using var writer = new VideoWriter(path, FourCC.MJPG, 25, new Size(64, 48), isColor: true);
        using var frame = new Mat(48, 64, MatType.CV_8UC3);
        var random = new Random(7);
        var noise = new byte[48 * 64 * 3];
        for (int i = 0; i < frames; i++)
        {
            random.NextBytes(noise);
            System.Runtime.InteropServices.Marshal.Copy(noise, 0, frame.Data, noise.Length);
            Cv2.GaussianBlur(frame, frame, new Size(9, 9), 3);
            writer.Write(frame);
        }
        return path;
    }

    /// <summary>Frames 0..count-1 as FFmpeg decodes them (VideoCapture.Read), fitted like the reader's.</summary>
    internal static float[] FfmpegFrames(string path, int count)
    {
        using var capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
        using var decoded = new Mat();
        using var resizer = new FrameResizer(TextureFormat);
        var pixels = new float[count * TextureFormat.FrameLength];
        for (int i = 0; i < count; i++)
        {
            Assert.True(capture.Read(decoded));
            resizer.Convert(decoded, pixels.AsSpan(i * TextureFormat.FrameLength, TextureFormat.FrameLength));
        }
        return pixels;
    }

    [Fact]
    public void PixelsAreCloseToFfmpegsDecodeOfTheSameFrames()
    {
        string path = TextureVideo(Path.Combine(TestPaths.NewScratchFolder("mjpeg-texture"), "texture.avi"), 3);
        var sampling = new ClipSampling(3, 1);
        var clip = new VideoClipReader(sampling, TextureFormat).Read(path, new ClipPlan(0, sampling));
        var differences = clip.Pixels.Zip(FfmpegFrames(path, 3), (a, b) => Math.Abs(a - b)).ToArray();
        Assert.InRange(differences.Average(), 0, 2.0 / 255); // measured 1.1 levels
        Assert.NotEqual(0, differences.Max());               // it really is another decoder
    }

    [Fact]
    public void ADamagedJpegFrameMakesTheWholeReadGoThroughFfmpeg()
    {
        string folder = TestPaths.NewScratchFolder("mjpeg-damaged");
        string path = TextureVideo(Path.Combine(folder, "texture.avi"), 3);
        byte[] bytes = File.ReadAllBytes(path);
        // Zero the SOI marker and header of frame 1's JPEG: libjpeg rejects it, FFmpeg resynchronises.
        int soi = -1;
        for (int i = 0, seen = 0; i < bytes.Length - 1; i++)
            if (bytes[i] == 0xFF && bytes[i + 1] == 0xD8 && seen++ == 1) { soi = i; break; }
        Assert.True(soi > 0);
        Array.Fill(bytes, (byte)0, soi, 16);
        string damaged = Path.Combine(folder, "damaged.avi");
        File.WriteAllBytes(damaged, bytes);

        var sampling = new ClipSampling(3, 1);
        var clip = new VideoClipReader(sampling, TextureFormat).Read(damaged, new ClipPlan(0, sampling));
        // Frame 0 is intact, yet it too is FFmpeg's decode: one decoder per read keeps a clip consistent.
        Assert.Equal(FfmpegFrames(damaged, 3), clip.Pixels);
        Assert.Equal(3, clip.DecodedFrames);
    }
}
