namespace MovinetExp.Interop;

/// <summary>A dense float array in C (row-major) order with its shape, as read from or written to a .npy file.</summary>
public sealed record NpyArray(float[] Data, int[] Shape)
{
    /// <summary>Number of elements the shape describes.</summary>
    public long ElementCount => Shape.Aggregate(1L, (a, b) => a * b);
}
