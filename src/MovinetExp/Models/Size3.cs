namespace MovinetExp.Models;

/// <summary>A (time, height, width) triple: a kernel size or a stride.</summary>
public readonly record struct Size3(int T, int H, int W)
{
    /// <summary>1×1×1: pointwise kernels and unit strides.</summary>
    public static readonly Size3 One = new(1, 1, 1);

    /// <summary>The stride of every down-sampling layer: MoViNet never strides in time.</summary>
    public static readonly Size3 Spatial2 = new(1, 2, 2);

    public override string ToString() => $"{T}x{H}x{W}";
}
