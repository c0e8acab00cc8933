using MovinetExp.Export;
using static TorchSharp.torch;

namespace MovinetExp.Models;

/// <summary>Creates activation modules from <see cref="ActivationKind"/>, and their ONNX form.</summary>
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

    /// <summary>
    /// The same activation as ONNX nodes. Opset 17 has no Swish, so it is x·Sigmoid(x); ONNX HardSwish is
    /// x·max(0, min(1, x/6 + 1/2)) = x·relu6(x+3)/6; ONNX HardSigmoid is max(0, min(1, αx + β)), which is the
    /// Keras formula with α = 0.2, β = 0.5 and relu6(x+3)/6 with α = 1/6, β = 0.5.
    /// </summary>
    internal static string ExportOnnx(OnnxGraph g, string scope, string x, ActivationKind kind, HardSigmoidKind hardSigmoidKind) => kind switch
    {
        ActivationKind.Identity => x,
        ActivationKind.Swish => g.Mul(scope, x, g.Node("Sigmoid", scope, [x])),
        ActivationKind.HardSwish => g.Node("HardSwish", scope, [x]),
        ActivationKind.Sigmoid => g.Node("Sigmoid", scope, [x]),
        ActivationKind.HardSigmoid => g.Node("HardSigmoid", scope, [x],
            OnnxGraph.Attribute("alpha", hardSigmoidKind == HardSigmoidKind.Keras ? 0.2f : 1f / 6f), OnnxGraph.Attribute("beta", 0.5f)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
