using MovinetExp.Reporting;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Reporting;

public class PlotTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(101)]
    public void ConfusionMatrix_WritesPng_SizedForTheClassCount(int classes)
    {
        string dir = TestPaths.NewScratchFolder("cm-plot");
        string path = Path.Combine(dir, $"cm{classes}.png");

        var (width, height) = ConfusionMatrixPlot.Save(path, ReportingFixtures.Matrix(classes), ReportingFixtures.ClassNames(classes));

        (int w, int h) = PngSize(path);
        Assert.Equal((width, height), (w, h));
        // Every class needs at least ~14 px of axis so its label does not collide with its neighbours.
        Assert.True(h >= classes * 14 && w >= classes * 14, $"{w}x{h} is too small for {classes} classes");
        Assert.True(w <= 3000 && h <= 3000, $"{w}x{h} is needlessly large");
    }

    [Fact]
    public void ConfusionMatrix_RowNormalisedAndAllZero_Render()
    {
        string dir = TestPaths.NewScratchFolder("cm-plot");
        ConfusionMatrixPlot.Save(Path.Combine(dir, "norm10.png"), ReportingFixtures.Matrix(10), ReportingFixtures.ClassNames(10), normalizeRows: true);
        ConfusionMatrixPlot.Save(Path.Combine(dir, "zero.png"), new int[2, 2], ["a", "b"]);
        Assert.True(new FileInfo(Path.Combine(dir, "norm10.png")).Length > 1000);
        Assert.True(new FileInfo(Path.Combine(dir, "zero.png")).Length > 1000);
    }

    [Fact]
    public void ConfusionMatrix_RejectsMismatchedNames()
    {
        string path = Path.Combine(TestPaths.NewScratchFolder("cm-bad"), "cm.png");
        Assert.Throws<ArgumentException>(() => ConfusionMatrixPlot.Save(path, new int[2, 2], ["a", "b", "c"]));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void TrainingCurves_WritesPng_WithAndWithoutValidation()
    {
        string dir = TestPaths.NewScratchFolder("curves");
        string both = Path.Combine(dir, "curves.png");
        string trainOnly = Path.Combine(dir, "train-only.png");

        TrainingCurvesPlot.Save(both, ReportingFixtures.History(8));
        TrainingCurvesPlot.Save(trainOnly, ReportingFixtures.History(1, withValidation: false));

        Assert.Equal((TrainingCurvesPlot.Width, TrainingCurvesPlot.Height), PngSize(both));
        Assert.Equal((TrainingCurvesPlot.Width, TrainingCurvesPlot.Height), PngSize(trainOnly));
        Assert.Throws<ArgumentException>(() => TrainingCurvesPlot.Save(both, []));
    }

    /// <summary>Width and height from the PNG IHDR chunk (bytes 16..23, big-endian), after checking the signature.</summary>
    internal static (int Width, int Height) PngSize(string path)
    {
        byte[] b = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, b[..8]);
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(16)),
                System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(20)));
    }
}
