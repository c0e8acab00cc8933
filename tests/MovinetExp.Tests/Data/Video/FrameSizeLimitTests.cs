using System.Buffers.Binary;
using MovinetExp.Common;
using MovinetExp.Data.Video;
using MovinetExp.Tests.Support;
using OpenCvSharp;

namespace MovinetExp.Tests.Data.Video;

/// <summary>
/// A few kilobytes of video can claim frames of any size; decoding them would take gigabytes (issue 14,
/// item 21: 16384x16384 Motion-JPEG headers took `predict` to 4.1 GB). Frames above
/// <see cref="FrameSizeLimit.MaxPixels"/> are refused from the headers, before anything is decoded.
/// </summary>
public class FrameSizeLimitTests
{
    private static string SmallMotionJpeg(string folder)
    {
        string path = Path.Combine(folder, "claims-big.avi");
        using var writer = new VideoWriter(path, FourCC.MJPG, 25, new Size(48, 32), isColor: true);
        for (int i = 0; i < 12; i++)
        {
            using var frame = new Mat(32, 48, MatType.CV_8UC3, Scalar.All(10 * i));
            writer.Write(frame);
        }
        return path;
    }

    /// <summary>Rewrites the start-of-frame header of every JPEG frame from <paramref name="firstFrame"/> on to claim 8192x8192.</summary>
    private static void ClaimHugeFrames(string path, int firstFrame)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int frame = 0;
        // Baseline JPEG start-of-frame: FF C0, length, precision 8, then height and width (big-endian).
        for (int i = 0; i + 9 < bytes.Length; i++)
        {
            if (bytes[i] != 0xFF || bytes[i + 1] != 0xC0 || bytes[i + 4] != 8) continue;
            if (frame++ < firstFrame) continue;
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(i + 5), 8192);
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(i + 7), 8192);
        }
        Assert.Equal(12, frame);
        File.WriteAllBytes(path, bytes);
    }

    [Fact]
    public void AMotionJpegFrameWhoseHeaderClaimsTooManyPixelsIsRefusedBeforeDecoding()
    {
        // Frame 0 is honest, so FFmpeg reports 48x32 for the file; the packets read later claim 8192x8192.
        string path = SmallMotionJpeg(TestPaths.NewScratchFolder("frame-limit-jpeg"));
        ClaimHugeFrames(path, firstFrame: 1);

        var reader = new VideoClipReader(new ClipSampling(4, 2), new FrameFormat(32, 32));
        var ex = Assert.Throws<DataException>(() => reader.Read(path, ClipStart.Centre, 0));

        Assert.Contains(path, ex.Message);
        Assert.Contains("the JPEG header of frame", ex.Message);
        Assert.Contains("8192x8192", ex.Message);
    }

    [Fact]
    public void AVideoWhoseReportedFrameSizeIsTooLargeIsRefusedWhenOpened()
    {
        // The AVI headers and every frame claim 8192x8192, so FFmpeg reports that size for the stream.
        string path = SmallMotionJpeg(TestPaths.NewScratchFolder("frame-limit-container"));
        ClaimHugeFrames(path, firstFrame: 0);
        byte[] bytes = File.ReadAllBytes(path);
        // AVI main header (avih): width and height at bytes 32 and 36 of its data; the video format (strf,
        // a BITMAPINFOHEADER): width and height at bytes 4 and 8.
        int avih = bytes.AsSpan().IndexOf("avih"u8) + 8, strf = bytes.AsSpan().IndexOf("strf"u8) + 8;
        foreach (int at in new[] { avih + 32, avih + 36, strf + 4, strf + 8 }) BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), 8192);
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<DataException>(() => VideoFile.Open(path).Dispose());

        Assert.Contains(path, ex.Message);
        Assert.Contains("the video stream claims frames of 8192x8192", ex.Message);
    }

    [Theory]
    [InlineData(null, FrameSizeLimit.DefaultMaxPixels)]
    [InlineData("", FrameSizeLimit.DefaultMaxPixels)]
    [InlineData("67108864", 67108864L)]   // 8192 x 8192 allowed on purpose
    public void TheLimitIsAnOptionWithASaneDefault(string? value, long expected)
    {
        Assert.Equal(expected, FrameSizeLimit.Parse(value));
        FrameSizeLimit.Check("v.avi", 8192, 8192, "the video stream", FrameSizeLimit.Parse("67108864"));
        var refused = Assert.Throws<DataException>(() => FrameSizeLimit.Check("v.avi", 8192, 8193, "the video stream", FrameSizeLimit.Parse("67108864")));
        Assert.Contains(FrameSizeLimit.Variable, refused.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("lots")]
    [InlineData("1e9")]
    public void ANonsenseLimitIsAUsageErrorNamingTheVariable(string value)
    {
        var error = Assert.Throws<UsageException>(() => FrameSizeLimit.Parse(value));
        Assert.Contains(FrameSizeLimit.Variable, error.Message);
        Assert.Contains(value, error.Message);
    }
}
