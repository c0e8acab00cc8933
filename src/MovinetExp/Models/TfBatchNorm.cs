using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MovinetExp.Models;

/// <summary>
/// Keras BatchNormalization over channels of [B,C,T,H,W] (docs §2.1): epsilon 1e-3, Keras momentum
/// 0.99 (torch momentum 0.01), gamma and beta on.
/// </summary>
internal sealed class TfBatchNorm : nn.Module<Tensor, Tensor>, ITfVariableSource
{
    private readonly BatchNorm3d bn;

    public TfBatchNorm(long channels, MovinetOptions options) : base(nameof(TfBatchNorm))
    {
        bn = nn.BatchNorm3d(channels, eps: options.BatchNormEpsilon, momentum: options.BatchNormMomentum);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => bn.forward(x);

    public void CollectTfVariables(string path, TfVariableCollector collector)
    {
        collector.Parameter($"{path}/gamma", bn.weight!, TfLayout.Identity(bn.weight!.shape));
        collector.Parameter($"{path}/beta", bn.bias!, TfLayout.Identity(bn.bias!.shape));
        collector.Statistic($"{path}/moving_mean", bn.running_mean!);
        collector.Statistic($"{path}/moving_variance", bn.running_var!);
    }
}
