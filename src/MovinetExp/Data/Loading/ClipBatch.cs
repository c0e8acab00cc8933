namespace MovinetExp.Data.Loading;

/// <summary>
/// Decoded clips ready for the model: <see cref="Pixels"/> is [B, T, H, W, 3] RGB in [0, 1], row-major,
/// with B = <see cref="Items"/>.Length (smaller than the batch size for the last batch or after skips).
/// With several clips per video, a video's clips are consecutive and Items, Labels and Starts have one
/// entry per clip, so B = videos * <see cref="ClipsPerVideo"/>.
/// </summary>
public sealed class ClipBatch
{
    /// <summary>[B, T, H, W, 3] RGB floats in [0, 1].</summary>
    public required float[] Pixels { get; init; }

    /// <summary>Class index of each clip (the items' labels).</summary>
    public required int[] Labels { get; init; }

    /// <summary>The videos the clips come from, in batch order.</summary>
    public required VideoItem[] Items { get; init; }

    /// <summary>Start frame of each clip in its video (for reports and debugging).</summary>
    public required int[] Starts { get; init; }

    /// <summary>T.</summary>
    public required int Frames { get; init; }

    /// <summary>H.</summary>
    public required int Height { get; init; }

    /// <summary>W.</summary>
    public required int Width { get; init; }

    /// <summary>Consecutive clips that belong to one video (1 unless multi-clip loading).</summary>
    public int ClipsPerVideo { get; init; } = 1;

    /// <summary>B: clips in this batch.</summary>
    public int Count => Items.Length;

    /// <summary>Videos in this batch: Count / ClipsPerVideo.</summary>
    public int VideoCount => Count / ClipsPerVideo;

    /// <summary>Floats in one clip (T * H * W * 3).</summary>
    public int ClipLength => Frames * Height * Width * 3;

    /// <summary>Clip <paramref name="b"/> as [T, H, W, 3].</summary>
    public ReadOnlySpan<float> Clip(int b) => Pixels.AsSpan(b * ClipLength, ClipLength);
}
