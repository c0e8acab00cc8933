using MovinetExp.Common;

namespace MovinetExp.Data.Video;

/// <summary>How a decoded frame is fitted to the model's input size.</summary>
public enum ResizeMode
{
    /// <summary><c>tf.image.resize_with_pad</c>: scale to fit keeping aspect, centre, zero padding (the tutorial's choice).</summary>
    Pad,

    /// <summary>Scale so the image covers the target keeping aspect, then cut the centre.</summary>
    Crop,
}

/// <summary>Output frame size and fitting mode.</summary>
public sealed record FrameFormat
{
    public FrameFormat(int height, int width, ResizeMode mode = ResizeMode.Pad)
    {
        if (height < 1 || width < 1) throw new UsageException($"frame size must be positive (got {height}x{width}).");
        Height = height;
        Width = width;
        Mode = mode;
    }

    /// <summary>Output frame height in pixels.</summary>
    public int Height { get; }

    /// <summary>Output frame width in pixels.</summary>
    public int Width { get; }

    /// <summary>How the source frame is fitted to Height x Width.</summary>
    public ResizeMode Mode { get; }

    /// <summary>Floats in one RGB frame: Height * Width * 3.</summary>
    public int FrameLength => Height * Width * 3;
}
