using TorchSharp;
using static TorchSharp.torch;

namespace MovinetExp.Models;

/// <summary>Keras initialisers used by TF Model Garden (../shared/design/movinet-architecture.md §2.3).</summary>
internal static class TfInitializers
{
    // Keras truncates at two standard deviations and rescales so the *truncated* distribution keeps
    // the requested variance; 0.8796… is the std of a standard normal truncated to [−2, 2].
    private const double TruncatedNormalStd = 0.87962566103423978;

    // erf(√2) = 2Φ(2) − 1: the uniform range whose inverse-erf image is [−2σ, 2σ].
    private const double ErfOfSqrt2 = 0.95449973610364158;

    /// <summary>Keras HeNormal: truncated normal, variance 2/fan_in (fan_in = Cin/groups × kernel volume).</summary>
    public static void HeNormal(Tensor weight)
    {
        long fanIn = weight.shape.Skip(1).Aggregate(1L, (a, b) => a * b);
        TruncatedNormal(weight, Math.Sqrt(2.0 / fanIn) / TruncatedNormalStd);
    }

    /// <summary>Normal(0, std) truncated to ±2·std, by inverse-CDF sampling. (TorchSharp 0.107's
    /// nn.init.trunc_normal_ fills the whole tensor with a single value, so it is not used.)</summary>
    public static void TruncatedNormal(Tensor weight, double std)
    {
        using var noGrad = no_grad();
        using var scale = (std * Math.Sqrt(2.0)).ToScalar();
        using var low = (-2 * std).ToScalar();
        using var high = (2 * std).ToScalar();
        weight.uniform_(-ErfOfSqrt2, ErfOfSqrt2).erfinv_().mul_(scale).clamp_(low, high);
    }

    /// <summary>Keras RandomNormal(stddev) used by the final classifier conv.</summary>
    public static void Normal(Tensor weight, double std)
    {
        using var noGrad = no_grad();
        nn.init.normal_(weight, 0.0, std);
    }

    public static void Zeros(Tensor tensor)
    {
        using var noGrad = no_grad();
        tensor.zero_();
    }
}
