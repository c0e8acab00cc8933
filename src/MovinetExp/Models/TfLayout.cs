using static TorchSharp.torch;

namespace MovinetExp.Models;

/// <summary>
/// How a TF variable's row-major array maps onto a torch tensor (../shared/design/movinet-architecture.md §9.6): view
/// it with the TF shape, permute the axes, then reshape to the torch shape (which only inserts singleton axes, e.g. a
/// Conv2D kernel becomes a Conv3d weight with a time axis of 1).
/// </summary>
public sealed class TfLayout
{
    private readonly long[] _tfShape;
    private readonly long[] _torchShape;
    private readonly int[] _permutation;

    private TfLayout(long[] tfShape, int[] permutation, long[] torchShape)
    {
        long n = tfShape.Aggregate(1L, (a, b) => a * b);
        if (n != torchShape.Aggregate(1L, (a, b) => a * b) || permutation.Length != tfShape.Length)
            throw new ArgumentException(
                $"TF shape [{string.Join(",", tfShape)}] does not map onto torch shape [{string.Join(",", torchShape)}].");
        _tfShape = tfShape;
        _permutation = permutation;
        _torchShape = torchShape;
    }

    public IReadOnlyList<long> TfShape => _tfShape;

    public IReadOnlyList<long> TorchShape => _torchShape;

    /// <summary>TF axis order → torch axis order, applied to the TF-shaped array.</summary>
    public IReadOnlyList<int> Permutation => _permutation;

    /// <summary>Vectors and scalars: same shape, same order.</summary>
    public static TfLayout Identity(long[] shape) =>
        new(shape, Enumerable.Range(0, shape.Length).ToArray(), shape);

    /// <summary>Conv3D kernel [t,h,w,Cin/g,Cout] → Conv3d weight [Cout,Cin/g,t,h,w].</summary>
    public static TfLayout Conv3dKernel(long[] torchWeightShape)
    {
        long[] w = torchWeightShape;
        return new TfLayout(new[] { w[2], w[3], w[4], w[1], w[0] }, new[] { 4, 3, 0, 1, 2 }, w);
    }

    /// <summary>Conv2D kernel [a,b,Cin,Cout] → Conv3d weight [Cout,Cin,…] whose non-singleton
    /// kernel axes are (a,b): spatial [h,w] for a 1×h×w conv, [t,1] for a t×1×1 conv.</summary>
    public static TfLayout Conv2dKernel(long a, long b, long[] torchWeightShape) =>
        new(new[] { a, b, torchWeightShape[1], torchWeightShape[0] }, new[] { 3, 2, 0, 1 }, torchWeightShape);

    /// <summary>DepthwiseConv2D kernel [a,b,E,1] → grouped Conv3d weight [E,1,…].</summary>
    public static TfLayout DepthwiseConv2dKernel(long a, long b, long[] torchWeightShape) =>
        new(new[] { a, b, torchWeightShape[0], 1L }, new[] { 2, 3, 0, 1 }, torchWeightShape);

    /// <summary>Rearranges a TF-shaped (or flat TF-ordered) tensor into the torch layout.</summary>
    public Tensor ToTorch(Tensor tfValues) =>
        tfValues.reshape(_tfShape).permute(ToLongs(_permutation)).reshape(_torchShape);

    /// <summary>Rearranges a torch tensor into a contiguous tensor of the TF shape.</summary>
    public Tensor ToTf(Tensor torchValues)
    {
        long[] permuted = _permutation.Select(axis => _tfShape[axis]).ToArray();
        return torchValues.reshape(permuted).permute(ToLongs(Inverse(_permutation))).contiguous();
    }

    private static int[] Inverse(int[] permutation)
    {
        var inverse = new int[permutation.Length];
        for (int i = 0; i < permutation.Length; i++) inverse[permutation[i]] = i;
        return inverse;
    }

    private static long[] ToLongs(int[] values) => values.Select(v => (long)v).ToArray();
}
