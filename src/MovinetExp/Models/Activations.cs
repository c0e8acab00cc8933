using static TorchSharp.torch;

namespace MovinetExp.Models;

/// <summary>Creates activation modules from <see cref="ActivationKind"/>.</summary>
public static class Activations
{
    /// <summary>A module computing the activation; torch's Hardswish is exactly x·relu6(x+3)/6.</summary>
    public static nn.Module<Tensor, Tensor> Create(ActivationKind kind, HardSigmoidKind hardSigmoidKind) => kind switch
    {
        ActivationKind.Identity => nn.Identity(),
        ActivationKind.Swish => nn.SiLU(),
        ActivationKind.HardSwish => nn.Hardswish(),
        ActivationKind.Sigmoid => nn.Sigmoid(),
        ActivationKind.HardSigmoid => new HardSigmoid(hardSigmoidKind),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
