namespace MovinetExp.Models;

/// <summary>Shape of one sample's feature map, channels first: [C, T, H, W].</summary>
public readonly record struct FeatureShape(long C, long T, long H, long W)
{
    /// <summary>Number of values C·T·H·W.</summary>
    public long Elements => C * T * H * W;

    /// <summary>[C, T, H, W].</summary>
    public long[] ToArray() => new[] { C, T, H, W };
}
