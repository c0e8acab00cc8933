using MovinetExp.Common;
using MovinetExp.Data.Video;
using MovinetExp.Tests.Support;
using OpenCvSharp;

namespace MovinetExp.Tests.Data.Video;

public class VideoClipReaderTests
{
    private static readonly ClipSampling Small = new(4, 2);
    private static readonly FrameFormat Size64 = new(64, 64);

    [Fact]
    public void EveryRealClipDecodes()
    {
        var reader = new VideoClipReader(Small, Size64);
        var failures = new List<string>();
        foreach (string path in RealVideos.All())
        {
            var clip = reader.Read(path, new ClipPlan(0, Small));
            bool ok = clip.Frames == 4 && clip.Height == 64 && clip.Width == 64 && clip.DecodedFrames == 4
                && clip.Pixels.All(v => v >= 0f && v <= 1f) && clip.Pixels.Any(v => v > 0.05f);
            if (!ok) failures.Add(path);
        }
        Assert.Empty(failures);
        Assert.Equal(45, RealVideos.All().Count());
    }

    [Fact]
    public void LengthsOfQuirkyFilesAreTheDecodableCounts()
    {
        var lengths = new VideoLengths();
        Assert.Equal(68, lengths.Resolve(RealVideos.Tree));
        Assert.Equal(101, lengths.Resolve(RealVideos.RawStream));
        Assert.Equal(77, lengths.Resolve(RealVideos.MkvOffByOne));
        Assert.Equal(201, lengths.Resolve(RealVideos.Ucf101Avi));
    }

    [Fact]
    public void RandomClipsFromTreeAviStayInsideTheFramesThatDecode()
    {
        // need 1 + 7 * 8 = 57 of 68 decodable frames: starts 0..12, never a start drawn from the reported 444.
        var sampling = new ClipSampling(8, 8);
        var reader = new VideoClipReader(sampling, new FrameFormat(16, 16));
        for (int seed = 0; seed < 6; seed++)
        {
            var clip = reader.Read(RealVideos.Tree, ClipStart.Random, seed);
            Assert.Equal(ClipSampler.RandomStart(68, sampling, new Random(seed)).Start, clip.Start);
            Assert.InRange(clip.Start, 0, 12);
            Assert.Equal(clip.Start == 12 ? 7 : 8, clip.DecodedFrames); // start 12 reaches index 68: one zero frame
        }
    }

    [Fact]
    public void ALengthThatTurnsOutWrongIsCorrectedAndTheClipReplanned()
    {
        // Simulate a count that passed the cheap check but lies: tree.avi's reported 444 (68 decode).
        var sampling = new ClipSampling(8, 8);
        var lied = new VideoLengths();
        lied.Remember(RealVideos.Tree, 444);
        var fooled = new VideoClipReader(sampling, new FrameFormat(16, 16), lied);
        var honest = new VideoClipReader(sampling, new FrameFormat(16, 16));
        int seed = Enumerable.Range(0, 100).First(s => ClipSampler.RandomStart(444, sampling, new Random(s)).Start > 100);

        var clip = fooled.Read(RealVideos.Tree, ClipStart.Random, seed);
        Assert.True(lied.TryGetKnown(RealVideos.Tree, out int corrected));
        Assert.Equal(68, corrected);
        Assert.Equal(honest.Read(RealVideos.Tree, ClipStart.Random, seed).Pixels, clip.Pixels);
        Assert.True(clip.DecodedFrames >= 7);
    }

    [Fact]
    public void APacketCountOneTooHighIsCorrectedWhenAClipReachesTheLastPacket()
    {
        // box.mp4 holds 456 packets, but its last one decodes to no frame: 455 frames.
        var lengths = new VideoLengths();
        Assert.Equal(456, lengths.Resolve(RealVideos.MoovFirstMp4));
        int seed = Enumerable.Range(0, 10_000).First(s => ClipSampler.RandomStart(456, Small, new Random(s)).LastIndex == 455);

        var clip = new VideoClipReader(Small, new FrameFormat(16, 16), lengths).Read(RealVideos.MoovFirstMp4, ClipStart.Random, seed);
        Assert.True(lengths.TryGetKnown(RealVideos.MoovFirstMp4, out int corrected));
        Assert.Equal(455, corrected);
        Assert.Equal(ClipSampler.RandomStart(455, Small, new Random(seed)).Start, clip.Start);
        Assert.Equal(4, clip.DecodedFrames);
    }

    [Fact]
    public void ClipFramesAreTheSourceFramesAtStartPlusMultiplesOfTheStep()
    {
        var sampling = new ClipSampling(3, 5);
        var format = new FrameFormat(24, 32);
        var clip = new VideoClipReader(sampling, format).Read(RealVideos.Ucf101Avi, new ClipPlan(7, sampling));

        // Independent path: read every frame with VideoCapture.Read, like the tutorial, and pick 7, 12, 17.
        using var capture = new VideoCapture(RealVideos.Ucf101Avi);
        using var resizer = new FrameResizer(format);
        using var frame = new Mat();
        var expected = new float[format.FrameLength];
        for (int index = 0, t = 0; index <= 17; index++)
        {
            Assert.True(capture.Read(frame));
            if (index != 7 + 5 * t) continue;
            resizer.Convert(frame, expected);
            Assert.Equal(expected, clip.Frame(t).ToArray());
            t++;
        }
    }

    [Theory]
    [InlineData("ucf101/Biking/v_Biking_g05_c02.avi", 150)]                  // XVID AVI: seeks
    [InlineData("other/video_features/v_GGSY1Qvo990.mp4", 230)]              // H.264 MP4: seeks
    [InlineData("ucf101/Basketball/v_Basketball_g07_c04.mp4", 60)]           // raw stream: grabs
    public void ReadingAfterTheLengthIsKnownGivesTheSamePixelsAsGrabbingFromTheStart(string relative, int start)
    {
        string path = Path.Combine(TestPaths.Videos, relative);
        var plan = new ClipPlan(start, Small);
        var grabbed = new VideoClipReader(Small, Size64).Read(path, plan); // length unknown: grabs from frame 0
        var known = new VideoClipReader(Small, Size64);
        known.Length(path);                                                // length known: may seek
        Assert.Equal(grabbed.Pixels, known.Read(path, plan).Pixels);
        Assert.Equal(4, grabbed.DecodedFrames);
    }

    [Theory]
    [InlineData("ucf101/Biking/v_Biking_g05_c02.avi")]             // XVID AVI
    [InlineData("other/video_features/v_GGSY1Qvo990.mp4")]         // H.264 MP4
    public void OneDecoderThreadGivesTheSamePixelsAsFfmpegsDefault(string relative)
    {
        string path = Path.Combine(TestPaths.Videos, relative);
        var plan = new ClipPlan(40, Small);
        var single = new VideoClipReader(Small, Size64, decoderThreads: 1).Read(path, plan);
        var threaded = new VideoClipReader(Small, Size64).Read(path, plan);
        Assert.Equal(4, single.DecodedFrames);
        Assert.Equal(threaded.Pixels, single.Pixels);
    }

    [Fact]
    public void FramesPastTheEndAreZero()
    {
        var sampling = new ClipSampling(4, 30); // indices 150, 180, 210, 240 of 201 frames
        var clip = new VideoClipReader(sampling, Size64).Read(RealVideos.Ucf101Avi, new ClipPlan(150, sampling));
        Assert.Equal(2, clip.DecodedFrames);
        Assert.Contains(clip.Frame(1).ToArray(), v => v > 0);
        Assert.All(clip.Frame(2).ToArray(), v => Assert.Equal(0f, v));
        Assert.All(clip.Frame(3).ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void CentredClipIsDeterministic()
    {
        var reader = new VideoClipReader(Small, Size64);
        var a = reader.Read(RealVideos.RawStream, ClipStart.Centre, samplingSeed: 1);
        var b = reader.Read(RealVideos.RawStream, ClipStart.Centre, samplingSeed: 2);
        Assert.Equal((101 - 7) / 2, a.Start);
        Assert.Equal(a.Pixels, b.Pixels);
    }

    [Fact]
    public void EvenlySpacedClipsMatchSingleReadsOfTheSamePlans()
    {
        var reader = new VideoClipReader(Small, Size64);
        var clips = reader.ReadEvenlySpaced(RealVideos.MkvOffByOne, 3);
        var plans = ClipSampler.EvenlySpaced(77, Small, 3);
        Assert.Equal(plans.Select(p => p.Start), clips.Select(c => c.Start));
        for (int i = 0; i < 3; i++) Assert.Equal(reader.Read(RealVideos.MkvOffByOne, plans[i]).Pixels, clips[i].Pixels);
    }

    [Fact]
    public void BadInputsRaiseDataExceptionsNamingTheFile()
    {
        string dir = TestPaths.NewScratchFolder("bad-videos");
        var reader = new VideoClipReader(Small, Size64);
        string missing = Path.Combine(dir, "missing.avi");
        string empty = Path.Combine(dir, "empty.avi");
        string garbage = Path.Combine(dir, "garbage.avi");
        string text = Path.Combine(dir, "notes.mp4");
        File.WriteAllBytes(empty, []);
        File.WriteAllBytes(garbage, Enumerable.Range(0, 50_000).Select(i => (byte)(i * 7919 % 251)).ToArray());
        File.WriteAllText(text, "this is not a video\n");

        foreach (string path in new[] { missing, empty, garbage, text })
        {
            var error = Assert.Throws<DataException>(() => reader.Read(path, ClipStart.Random, 1));
            Assert.Contains(path, error.Message);
        }
    }

    [Theory]
    [InlineData("ucf101/Biking/v_Biking_g05_c02.avi", "RIFF")]                // would still decode 96 frames
    [InlineData("other/intel-sample-videos/asl_gestures/eat.mkv", "Matroska")] // would still decode 17 frames
    [InlineData("other/opencv-doc/box.mp4", "MP4")]                           // moov first: would decode part
    public void TruncatedCopiesAreReportedAsTruncated(string relative, string container)
    {
        string dir = TestPaths.NewScratchFolder("truncated");
        byte[] bytes = File.ReadAllBytes(Path.Combine(TestPaths.Videos, relative));
        string copy = Path.Combine(dir, Path.GetFileName(relative));
        File.WriteAllBytes(copy, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<DataException>(() => new VideoClipReader(Small, Size64).Read(copy, ClipStart.Centre, 0));
        Assert.Contains(copy, error.Message);
        Assert.Contains("truncated", error.Message);
        Assert.Contains(container, error.Message);
    }

    [Fact]
    public void CompleteRealFilesAreNotMistakenForTruncated()
    {
        Assert.All(RealVideos.All(), path => Assert.Null(ContainerTruncation.Find(path)));
    }
}
