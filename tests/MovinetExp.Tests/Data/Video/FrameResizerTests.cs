using MovinetExp.Data.Video;
using OpenCvSharp;

namespace MovinetExp.Tests.Data.Video;

public class FrameResizerTests
{
    /// <summary>An 8-bit BGR image from rows of (B, G, R) triples.</summary>
    private static Mat Bgr(byte[,,] pixels)
    {
        int h = pixels.GetLength(0), w = pixels.GetLength(1);
        var mat = new Mat(h, w, MatType.CV_8UC3);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                mat.Set(y, x, new Vec3b(pixels[y, x, 0], pixels[y, x, 1], pixels[y, x, 2]));
        return mat;
    }

    private static float[] Convert(Mat image, FrameFormat format)
    {
        var output = new float[format.FrameLength];
        using var resizer = new FrameResizer(format);
        resizer.Convert(image, output);
        return output;
    }

    [Fact]
    public void WideImageIsPaddedWithZeroRowsAboveAndBelowAndFlippedToRgb()
    {
        // 2 rows x 4 columns into 4x4: no scaling (ratio 1), one zero row above and below.
        var bgr = new byte[2, 4, 3];
        for (int y = 0; y < 2; y++)
            for (int x = 0; x < 4; x++)
                (bgr[y, x, 0], bgr[y, x, 1], bgr[y, x, 2]) = ((byte)(10 * x + y), (byte)(100 + x), (byte)(200 + y));
        using var image = Bgr(bgr);
        float[] output = Convert(image, new FrameFormat(4, 4));

        float[] expected = new float[4 * 4 * 3];
        for (int y = 0; y < 2; y++)
            for (int x = 0; x < 4; x++)
            {
                int o = ((y + 1) * 4 + x) * 3;
                expected[o] = (200 + y) / 255f;      // R
                expected[o + 1] = (100 + x) / 255f;  // G
                expected[o + 2] = (10 * x + y) / 255f; // B
            }
        Assert.Equal(expected, output, new ToleranceComparer(1e-6f));
    }

    [Fact]
    public void UpscaleUsesHalfPixelBilinearLikeTfResize()
    {
        // 1 row x 2 columns [a, b] into 4x4: ratio 0.5 -> 2 rows x 4 columns at row 1.
        // TF half-pixel centres: x_in = (x + 0.5) * 0.5 - 0.5 = -0.25, 0.25, 0.75, 1.25 -> a, .75a+.25b, .25a+.75b, b.
        using var image = Bgr(new byte[,,] { { { 0, 0, 40 }, { 0, 0, 200 } } });
        float[] output = Convert(image, new FrameFormat(4, 4));
        float a = 40 / 255f, b = 200 / 255f;
        float[] red = [a, 0.75f * a + 0.25f * b, 0.25f * a + 0.75f * b, b];
        for (int y = 0; y < 4; y++)
            for (int x = 0; x < 4; x++)
            {
                float want = y is 1 or 2 ? red[x] : 0f;
                Assert.Equal(want, output[(y * 4 + x) * 3], 5);
                Assert.Equal(0f, output[(y * 4 + x) * 3 + 2]);
            }
    }

    [Fact]
    public void CropKeepsTheCentreColumns()
    {
        // 2 rows x 4 columns into 2x2: scale 1, columns 1 and 2 kept.
        var bgr = new byte[2, 4, 3];
        for (int x = 0; x < 4; x++) bgr[0, x, 2] = bgr[1, x, 2] = (byte)(50 * (x + 1));
        using var image = Bgr(bgr);
        float[] output = Convert(image, new FrameFormat(2, 2, ResizeMode.Crop));
        Assert.Equal([100 / 255f, 150 / 255f, 100 / 255f, 150 / 255f], new[] { output[0], output[3], output[6], output[9] },
            new ToleranceComparer(1e-6f));
    }

    [Theory]
    [InlineData(240, 320, 172, 172)] // UCF101 size, non-integer downscale
    [InlineData(20, 20, 10, 10)]     // exactly 2x: OpenCV switches to its area path
    [InlineData(7, 5, 16, 12)]       // upscale with padding on both axes
    [InlineData(256, 144, 64, 64)]   // portrait
    public void OpenCvBilinearMatchesAnIndependentTfBilinear(int h, int w, int th, int tw)
    {
        var rng = new Random(h * 1000 + w);
        var bgr = new byte[h, w, 3];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                for (int c = 0; c < 3; c++) bgr[y, x, c] = (byte)rng.Next(256);
        using var image = Bgr(bgr);
        float[] output = Convert(image, new FrameFormat(th, tw));
        float[] expected = TfResizeWithPadReference(bgr, th, tw);
        // TF computes sample positions in float32 (ulp 3e-5 near x = 320), OpenCV in double, so the
        // interpolation weights differ by up to ~3e-5: under 1/100 of a grey level.
        Assert.Equal(expected, output, new ToleranceComparer(5e-5f));
    }

    /// <summary>
    /// TF2 resize_with_pad written out from its definition: float32 size arithmetic, bilinear with
    /// half-pixel centres (in = (out + 0.5) * scale - 0.5, lower = max(floor(in), 0),
    /// upper = min(ceil(in), size - 1), lerp = in - floor(in)), zero padding; then BGR -> RGB.
    /// </summary>
    private static float[] TfResizeWithPadReference(byte[,,] bgr, int th, int tw)
    {
        int h = bgr.GetLength(0), w = bgr.GetLength(1);
        float ratio = Math.Max((float)w / tw, (float)h / th);
        float rhF = h / ratio, rwF = w / ratio;
        int rh = (int)MathF.Floor(rhF), rw = (int)MathF.Floor(rwF);
        int top = Math.Max(0, (int)MathF.Floor((th - rhF) / 2)), left = Math.Max(0, (int)MathF.Floor((tw - rwF) / 2));
        float scaleY = (float)h / rh, scaleX = (float)w / rw;
        var output = new float[th * tw * 3];
        for (int y = 0; y < rh; y++)
        {
            var (y0, y1, ly) = Interpolation(y, scaleY, h);
            for (int x = 0; x < rw; x++)
            {
                var (x0, x1, lx) = Interpolation(x, scaleX, w);
                for (int c = 0; c < 3; c++)
                {
                    float tl = bgr[y0, x0, c] / 255f, tr = bgr[y0, x1, c] / 255f;
                    float bl = bgr[y1, x0, c] / 255f, br = bgr[y1, x1, c] / 255f;
                    float topRow = tl + (tr - tl) * lx, bottomRow = bl + (br - bl) * lx;
                    output[((top + y) * tw + left + x) * 3 + (2 - c)] = topRow + (bottomRow - topRow) * ly;
                }
            }
        }
        return output;
    }

    private static (int Lower, int Upper, float Lerp) Interpolation(int outIndex, float scale, int inSize)
    {
        float inPos = (outIndex + 0.5f) * scale - 0.5f;
        float floor = MathF.Floor(inPos);
        return (Math.Max((int)floor, 0), Math.Min((int)MathF.Ceiling(inPos), inSize - 1), inPos - floor);
    }
}

internal sealed class ToleranceComparer(float tolerance) : IEqualityComparer<float>
{
    public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;
    public int GetHashCode(float obj) => 0;
}
