using OpenCvSharp;

namespace MovinetExp.Data.Synthetic;

/// <summary>
/// A random static background: a base colour, soft blurred blobs and per-pixel noise, so a model has
/// to find the moving shape instead of just thresholding a flat colour.
/// </summary>
internal static class TexturedBackground
{
    public static Mat Create(int height, int width, Scalar baseColour, Random rng)
    {
        var background = new Mat(height, width, MatType.CV_8UC3, baseColour);
        int blobs = 5 + rng.Next(6);
        int shortSide = Math.Min(height, width);
        for (int i = 0; i < blobs; i++)
        {
            var centre = new Point(rng.Next(width), rng.Next(height));
            int radius = shortSide / 10 + rng.Next(shortSide / 4);
            Cv2.Circle(background, centre, radius, Jitter(baseColour, 60, rng), -1, LineTypes.Link8);
        }
        Cv2.GaussianBlur(background, background, new Size(0, 0), shortSide / 16.0);
        AddNoise(background, 18, rng);
        return background;
    }

    /// <summary>A colour within ±<paramref name="amount"/> of <paramref name="colour"/> per channel.</summary>
    public static Scalar Jitter(Scalar colour, int amount, Random rng) => new(
        Math.Clamp(colour.Val0 + rng.Next(-amount, amount + 1), 0, 255),
        Math.Clamp(colour.Val1 + rng.Next(-amount, amount + 1), 0, 255),
        Math.Clamp(colour.Val2 + rng.Next(-amount, amount + 1), 0, 255));

    private static unsafe void AddNoise(Mat image, int amplitude, Random rng)
    {
        int count = image.Rows * image.Cols * 3;
        var pixels = new Span<byte>((void*)image.Data, count); // a freshly created Mat is continuous
        for (int i = 0; i < count; i++)
            pixels[i] = (byte)Math.Clamp(pixels[i] + rng.Next(-amplitude, amplitude + 1), 0, 255);
    }
}
