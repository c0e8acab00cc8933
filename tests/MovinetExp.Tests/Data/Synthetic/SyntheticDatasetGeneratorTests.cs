using System.Diagnostics;
using MovinetExp.Common;
using MovinetExp.Data.Synthetic;
using MovinetExp.Tests.Support;
using OpenCvSharp;

namespace MovinetExp.Tests.Data.Synthetic;

public class SyntheticDatasetGeneratorTests
{
    private static readonly SyntheticOptions Tiny = SyntheticOptions.WithClassCount(2, videosPerClass: 2, framesPerVideo: 6, height: 48, width: 64, seed: 5);

    [Fact]
    public void WritesClassFoldersOfRealAviFilesAndLabelsThem()
    {
        string root = TestPaths.NewScratchFolder("synthetic");
        var set = SyntheticDatasetGenerator.Generate(root, Tiny);

        Assert.Equal(["move_left", "move_right"], set.ClassNames);
        Assert.Equal(4, set.Items.Count);
        Assert.Equal(Path.Combine(root, "move_right", "move_right_001.avi"), set.Items[3].Path);
        Assert.Equal((1, "move_right"), (set.Items[3].Label, set.Items[3].ClassName));
        foreach (var item in set.Items)
        {
            using var capture = new VideoCapture(item.Path);
            Assert.Equal(6, (int)capture.Get(VideoCaptureProperties.FrameCount));
            Assert.Equal((64, 48), ((int)capture.Get(VideoCaptureProperties.FrameWidth), (int)capture.Get(VideoCaptureProperties.FrameHeight)));
            Assert.Equal("MJPG", MovinetExp.Data.Video.VideoProbe.FourCCText((int)capture.Get(VideoCaptureProperties.FourCC)));
        }
    }

    [Fact]
    public void SameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot()
    {
        var a = SyntheticDatasetGenerator.Generate(TestPaths.NewScratchFolder("synthetic-a"), Tiny);
        var b = SyntheticDatasetGenerator.Generate(TestPaths.NewScratchFolder("synthetic-b"), Tiny);
        var c = SyntheticDatasetGenerator.Generate(TestPaths.NewScratchFolder("synthetic-c"),
            SyntheticOptions.WithClassCount(2, 2, 6, 48, 64, seed: 6));
        for (int i = 0; i < a.Items.Count; i++)
        {
            Assert.Equal(FileHashes.Sha256(a.Items[i].Path), FileHashes.Sha256(b.Items[i].Path));
            Assert.NotEqual(FileHashes.Sha256(a.Items[i].Path), FileHashes.Sha256(c.Items[i].Path));
        }
    }

    [Theory]
    [InlineData("move_left", -1, 0)]
    [InlineData("move_right", 1, 0)]
    [InlineData("move_up", 0, -1)]
    [InlineData("move_down", 0, 1)]
    public void ShapeMovesInTheClassDirection(string className, int dx, int dy)
    {
        var options = SyntheticOptions.WithClassNames([className], 1, 10, 96, 96, seed: 3);
        var set = SyntheticDatasetGenerator.Generate(TestPaths.NewScratchFolder("synthetic-move"), options);
        using var scene = SyntheticDatasetGenerator.Scene(MotionKinds.Parse(className), 0, options);
        var frames = DecodeAll(set.Items[0].Path);

        var first = Centroid(ShapeMask(frames[0], scene.Background));
        var last = Centroid(ShapeMask(frames[^1], scene.Background));
        double travel = 0.3 * 96 * 0.8; // at least 30% of the frame, allowing for JPEG and shape extent
        Assert.True(dx == 0 ? Math.Abs(last.X - first.X) < 3 : (last.X - first.X) * dx > travel, $"x {first.X:F1} -> {last.X:F1}");
        Assert.True(dy == 0 ? Math.Abs(last.Y - first.Y) < 3 : (last.Y - first.Y) * dy > travel, $"y {first.Y:F1} -> {last.Y:F1}");
        Assert.InRange(first.X, scene.Centre(0).X - 6, scene.Centre(0).X + 6); // the decoded shape is where the scene put it
    }

    [Theory]
    [InlineData("rotate_cw", true)]
    [InlineData("rotate_ccw", false)]
    public void ShapeTurnsInTheClassDirection(string className, bool clockwise)
    {
        var options = SyntheticOptions.WithClassNames([className], 1, 6, 96, 96, seed: 4);
        var set = SyntheticDatasetGenerator.Generate(TestPaths.NewScratchFolder("synthetic-rotate"), options);
        using var scene = SyntheticDatasetGenerator.Scene(MotionKinds.Parse(className), 0, options);
        var frames = DecodeAll(set.Items[0].Path);
        var centre = new Point2f((float)scene.Centre(0).X, (float)scene.Centre(0).Y);

        // Turning frame t's shape by the class's direction must match frame t+1 better than the opposite turn.
        // OpenCV's positive angle is anticlockwise on screen.
        int agree = 0;
        for (int t = 0; t + 1 < frames.Length; t++)
        {
            using var mask = ShapeMask(frames[t], scene.Background);
            using var next = ShapeMask(frames[t + 1], scene.Background);
            double overlapClockwise = Overlap(Rotate(mask, centre, -6), next);
            double overlapAnticlockwise = Overlap(Rotate(mask, centre, 6), next);
            if (overlapClockwise > overlapAnticlockwise == clockwise) agree++;
        }
        Assert.Equal(frames.Length - 1, agree);
    }

    [Theory]
    [InlineData("grow", true)]
    [InlineData("shrink", false)]
    public void ShapeAreaChangesInTheClassDirection(string className, bool grows)
    {
        var options = SyntheticOptions.WithClassNames([className], 1, 8, 96, 96, seed: 2);
        var set = SyntheticDatasetGenerator.Generate(TestPaths.NewScratchFolder("synthetic-size"), options);
        using var scene = SyntheticDatasetGenerator.Scene(MotionKinds.Parse(className), 0, options);
        var frames = DecodeAll(set.Items[0].Path);
        int firstArea = Cv2.CountNonZero(ShapeMask(frames[0], scene.Background));
        int lastArea = Cv2.CountNonZero(ShapeMask(frames[^1], scene.Background));
        Assert.True(grows ? lastArea > 3 * firstArea : firstArea > 3 * lastArea, $"area {firstArea} -> {lastArea}");
    }

    [Fact]
    public void ExistingSetWithTheSameOptionsIsReusedAndOtherOptionsRegenerate()
    {
        string root = TestPaths.NewScratchFolder("synthetic-reuse");
        var first = SyntheticDatasetGenerator.Generate(root, Tiny);
        var writeTime = File.GetLastWriteTimeUtc(first.Items[0].Path);

        var again = SyntheticDatasetGenerator.Generate(root, Tiny);
        Assert.True(again.Reused);
        Assert.False(first.Reused);
        Assert.Equal(writeTime, File.GetLastWriteTimeUtc(again.Items[0].Path));

        var fewer = SyntheticDatasetGenerator.Generate(root, SyntheticOptions.WithClassCount(2, 1, 6, 48, 64, seed: 5));
        Assert.False(fewer.Reused);
        Assert.False(File.Exists(first.Items[1].Path)); // move_left_001 belonged to the old set
        Assert.True(File.Exists(fewer.Items[0].Path));
    }

    [Fact]
    public void RefusesToWriteIntoAFolderWithOtherData()
    {
        string root = TestPaths.NewScratchFolder("synthetic-foreign");
        File.WriteAllText(Path.Combine(root, "thesis.tex"), "keep me");
        var error = Assert.Throws<DataException>(() => SyntheticDatasetGenerator.Generate(root, Tiny));
        Assert.Contains(root, error.Message);
    }

    [Fact]
    public void UnknownClassNameListsTheValidOnes()
    {
        var error = Assert.Throws<UsageException>(() => SyntheticOptions.WithClassNames(["jump"], 1, 4));
        Assert.Contains("rotate_cw", error.Message);
    }

    [Fact]
    public void IsFastEnoughToGenerateOnTheFly()
    {
        // 2 classes x 10 videos x 40 frames at 128x128 (a third of the 4x30x40 example) in well under a few seconds.
        var watch = Stopwatch.StartNew();
        var set = SyntheticDatasetGenerator.Generate(TestPaths.NewScratchFolder("synthetic-speed"),
            SyntheticOptions.WithClassCount(2, 10, 40, seed: 1));
        Assert.Equal(20, set.Items.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"took {watch.Elapsed}");
    }

    private static Mat[] DecodeAll(string path)
    {
        using var capture = new VideoCapture(path);
        var frames = new List<Mat>();
        var frame = new Mat();
        while (capture.Read(frame)) { frames.Add(frame); frame = new Mat(); }
        frame.Dispose();
        return frames.ToArray();
    }

    /// <summary>Pixels that differ from the background by more than JPEG noise, as 0/255.</summary>
    private static Mat ShapeMask(Mat frame, Mat background)
    {
        using var difference = new Mat();
        Cv2.Absdiff(frame, background, difference);
        using var grey = new Mat();
        Cv2.CvtColor(difference, grey, ColorConversionCodes.BGR2GRAY);
        var mask = new Mat();
        Cv2.Threshold(grey, mask, 40, 255, ThresholdTypes.Binary);
        return mask;
    }

    private static Point2d Centroid(Mat mask)
    {
        var m = Cv2.Moments(mask, binaryImage: true);
        Assert.True(m.M00 > 20, "shape not found");
        return new Point2d(m.M10 / m.M00, m.M01 / m.M00);
    }

    private static Mat Rotate(Mat mask, Point2f centre, double degrees)
    {
        using var rotation = Cv2.GetRotationMatrix2D(centre, degrees, 1);
        var rotated = new Mat();
        Cv2.WarpAffine(mask, rotated, rotation, mask.Size());
        return rotated;
    }

    private static double Overlap(Mat a, Mat b)
    {
        using var both = new Mat();
        Cv2.BitwiseAnd(a, b, both);
        return Cv2.CountNonZero(both);
    }
}
