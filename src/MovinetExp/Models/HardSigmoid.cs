using MovinetExp.Numerics;
using static TorchSharp.torch;

namespace MovinetExp.Models;

/// <summary>Hard sigmoid in either of the two TF definitions (../shared/design/movinet-architecture.md §2.2).</summary>
public sealed class HardSigmoid : nn.Module<Tensor, Tensor>
{
    private readonly HardSigmoidKind _kind;

    public HardSigmoid(HardSigmoidKind kind) : base(nameof(HardSigmoid)) => _kind = kind;

    public override Tensor forward(Tensor x) => Apply(x, _kind);

    /// <summary>The formula as text (what an exported model's metadata records).</summary>
    public static string Formula(HardSigmoidKind kind) => kind switch
    {
        HardSigmoidKind.Keras => "clip(0.2*x + 0.5, 0, 1)",
        HardSigmoidKind.Relu6 => "relu6(x + 3) / 6",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Keras: clip(0.2·x + 0.5, 0, 1); Relu6: relu6(x + 3)/6.</summary>
    public static Tensor Apply(Tensor x, HardSigmoidKind kind) => kind switch
    {
        HardSigmoidKind.Keras => x.mul(Scalars.Of(0.2)).add_(Scalars.Of(0.5), Scalars.One).clamp_(Scalars.Of(0.0), Scalars.Of(1.0)),
        HardSigmoidKind.Relu6 => nn.functional.hardsigmoid(x),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
