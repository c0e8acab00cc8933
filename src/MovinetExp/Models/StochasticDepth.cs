using TorchSharp;
using MovinetExp.Numerics;
using static TorchSharp.torch;

namespace MovinetExp.Models;

/// <summary>Drops a residual branch per sample during training (TF StochasticDepth); identity at inference.</summary>
internal static class StochasticDepth
{
    public static Tensor Apply(Tensor branch, double dropRate, bool training)
    {
        if (!training || dropRate <= 0) return branch;
        double keep = 1.0 - dropRate;
        var shape = new long[branch.dim()];
        Array.Fill(shape, 1L);
        shape[0] = branch.shape[0];
        using var keepScalar = keep.ToScalar();
        var mask = rand(shape, branch.dtype, branch.device).add_(keepScalar, Scalars.One).floor_();
        return branch.div(keepScalar).mul(mask);
    }
}
