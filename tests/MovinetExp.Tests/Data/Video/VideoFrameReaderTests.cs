using MovinetExp.Common;
using MovinetExp.Data.Video;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Data.Video;

/// <summary>
/// The frame-at-a-time reader behind `stream`: the same frames a clip read gives, one by one, ending
/// where the video's decodable frames end.
/// </summary>
public class VideoFrameReaderTests
{
    [Fact]
    public void MotionJpegFramesComeEveryStepFromTheFirstToTheEnd()
    {
        string path = MotionJpegReadingTests.IndexVideo(TestPaths.NewScratchFolder("frames-index")); // 90 frames
        using var reader = VideoFrameReader.Open(path, new FrameFormat(32, 48), frameStep: 7);

        var indices = ReadAll(reader).Select(f => MotionJpegReadingTests.SourceIndexOf(f)).ToList();

        Assert.Equal(Enumerable.Range(0, 13).Select(i => 7 * i), indices); // 0, 7, ..., 84
        Assert.Equal(84, reader.SourceIndex);
        Assert.False(reader.Read(new float[32 * 48 * 3])); // stays at the end
    }

    [Fact]
    public void DecodedVideoGivesTheClipReadersPixels()
    {
        var format = new FrameFormat(40, 56);
        var sampling = new ClipSampling(12, 5);
        var clip = new VideoClipReader(sampling, format).Read(RealVideos.Ucf101Avi, new ClipPlan(0, sampling));
        using var reader = VideoFrameReader.Open(RealVideos.Ucf101Avi, format, frameStep: 5);

        var frames = ReadAll(reader).Take(12).ToList();

        Assert.Equal(12, frames.Count);
        for (int t = 0; t < 12; t++) Assert.Equal(clip.Frame(t).ToArray(), frames[t]);
    }

    [Fact]
    public void ContainerThatOverstatesItsLengthEndsAtItsLastDecodableFrame()
    {
        // tree.avi reports 444 frames and decodes 68: a whole-video clip read padded the rest with zeros.
        using var reader = VideoFrameReader.Open(RealVideos.Tree, new FrameFormat(24, 24), frameStep: 1);

        var frames = ReadAll(reader).ToList();

        Assert.Equal(68, frames.Count);
        Assert.All(frames, f => Assert.True(f.Max() > 0));
    }

    [Fact]
    public void DamagedMotionJpegFrameIsDecodedByFfmpegFromThereOn()
    {
        string folder = TestPaths.NewScratchFolder("frames-damaged");
        string path = MotionJpegReadingTests.TextureVideo(Path.Combine(folder, "texture.avi"), 3);
        byte[] bytes = File.ReadAllBytes(path);
        // Zero the SOI marker and header of frame 1's JPEG: libjpeg rejects it, FFmpeg resynchronises.
        int soi = -1;
        for (int i = 0, seen = 0; i < bytes.Length - 1; i++)
            if (bytes[i] == 0xFF && bytes[i + 1] == 0xD8 && seen++ == 1) { soi = i; break; }
        Assert.True(soi > 0);
        Array.Fill(bytes, (byte)0, soi, 16);
        string damaged = Path.Combine(folder, "damaged.avi");
        File.WriteAllBytes(damaged, bytes);
        var format = MotionJpegReadingTests.TextureFormat;
        float[] ffmpeg = MotionJpegReadingTests.FfmpegFrames(damaged, 3);

        using var reader = VideoFrameReader.Open(damaged, format, frameStep: 1);
        var frames = ReadAll(reader).ToList();

        Assert.Equal(3, frames.Count);
        for (int t = 1; t < 3; t++) Assert.Equal(ffmpeg.AsSpan(t * format.FrameLength, format.FrameLength).ToArray(), frames[t]);
        double frame0Difference = frames[0].Zip(ffmpeg.AsSpan(0, format.FrameLength).ToArray(), (a, b) => Math.Abs(a - b)).Average();
        Assert.InRange(frame0Difference, 0, 2.0 / 255); // frame 0 was libjpeg's, already handed out
    }

    [Fact]
    public void FileThatIsNotAVideoIsADataError()
    {
        string path = Path.Combine(TestPaths.NewScratchFolder("frames-garbage"), "garbage.avi");
        File.WriteAllBytes(path, Enumerable.Range(0, 4096).Select(i => (byte)(i * 37 % 251)).ToArray());

        Assert.Throws<DataException>(() =>
        {
            using var reader = VideoFrameReader.Open(path, new FrameFormat(16, 16), frameStep: 1);
            reader.Read(new float[16 * 16 * 3]);
        });
    }

    private static IEnumerable<float[]> ReadAll(VideoFrameReader reader)
    {
        while (true)
        {
            var frame = new float[reader.Format.FrameLength];
            if (!reader.Read(frame)) yield break;
            yield return frame;
        }
    }
}
