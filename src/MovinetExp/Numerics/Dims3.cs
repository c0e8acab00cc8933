namespace MovinetExp.Numerics;

/// <summary>A (time, height, width) triple of sizes, strides or paddings of a 3-D convolution.</summary>
public readonly record struct Dims3(long T, long H, long W)
{
    public static Dims3 Of(long[] values) => values.Length == 3
        ? new Dims3(values[0], values[1], values[2])
        : throw new ArgumentException($"Expected 3 values (t, h, w), got {values.Length}.");

    public long[] ToArray() => new[] { T, H, W };

    public long Volume => T * H * W;

    public override string ToString() => $"{T}x{H}x{W}";
}
