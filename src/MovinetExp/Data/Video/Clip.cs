namespace MovinetExp.Data.Video;

/// <summary>
/// One decoded clip: <see cref="Pixels"/> laid out [T, H, W, 3], RGB, floats in [0, 1]. Frames past
/// the end of the video are zero, as in the tutorial.
/// </summary>
public sealed class Clip
{
    public Clip(float[] pixels, int frames, int height, int width, int start, int decodedFrames)
    {
        if (pixels.Length != (long)frames * height * width * 3)
            throw new ArgumentException($"{pixels.Length} floats do not make {frames}x{height}x{width}x3", nameof(pixels));
        Pixels = pixels;
        Frames = frames;
        Height = height;
        Width = width;
        Start = start;
        DecodedFrames = decodedFrames;
    }

    /// <summary>[T, H, W, 3] RGB floats in [0, 1].</summary>
    public float[] Pixels { get; }

    /// <summary>T: frames in the clip.</summary>
    public int Frames { get; }

    /// <summary>H: frame height.</summary>
    public int Height { get; }

    /// <summary>W: frame width.</summary>
    public int Width { get; }

    /// <summary>Source frame index of the first clip frame.</summary>
    public int Start { get; }

    /// <summary>How many of the clip's frames came from the video; the remaining ones are zero.</summary>
    public int DecodedFrames { get; }

    /// <summary>Floats in one frame (H * W * 3).</summary>
    public int FrameLength => Height * Width * 3;

    /// <summary>Frame <paramref name="t"/> as [H, W, 3].</summary>
    public Span<float> Frame(int t) => Pixels.AsSpan(t * FrameLength, FrameLength);
}
