using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MovinetExp.Training.Optimizers;

/// <summary>
/// Adam (Kingma and Ba), as PyTorch defines it: moments m and v with bias correction, the denominator
/// sqrt(v)/sqrt(1-β2^t) + ε. Weight decay is either an L2 term added to the gradient (Adam) or decoupled,
/// shrinking the parameter by lr·λ before the update (AdamW, Loshchilov and Hutter).
/// </summary>
public sealed class AdamOptimizer : ParameterOptimizer
{
    private const int Mean = 0, SquareMean = 1;
    private readonly double _beta1, _beta2, _weightDecay;
    private readonly bool _decoupled;
    private readonly Scalar _beta1Scalar, _beta2Scalar, _oneMinusBeta1, _oneMinusBeta2, _epsilon, _weightDecayScalar;

    public AdamOptimizer(IEnumerable<(IReadOnlyList<Parameter> Parameters, double LearningRate)> groups,
        double weightDecay, bool decoupledWeightDecay, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
        : base(decoupledWeightDecay ? "adamw" : "adam", groups, slotCount: 2)
    {
        if (beta1 is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "β1 must be in [0, 1)");
        if (beta2 is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "β2 must be in [0, 1)");
        if (weightDecay < 0) throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "weight decay must not be negative");
        (_beta1, _beta2, _weightDecay, _decoupled) = (beta1, beta2, weightDecay, decoupledWeightDecay);
        _beta1Scalar = beta1.ToScalar();
        _beta2Scalar = beta2.ToScalar();
        _oneMinusBeta1 = (1 - beta1).ToScalar();
        _oneMinusBeta2 = (1 - beta2).ToScalar();
        _epsilon = epsilon.ToScalar();
        _weightDecayScalar = weightDecay.ToScalar();
    }

    protected override void Update(Parameter parameter, Tensor gradient, ParameterState state, double learningRate)
    {
        double biasCorrection1 = 1 - Math.Pow(_beta1, state.Steps);
        double biasCorrection2 = 1 - Math.Pow(_beta2, state.Steps);
        if (_weightDecay != 0)
        {
            if (_decoupled)
            {
                using var shrink = (1 - learningRate * _weightDecay).ToScalar();
                parameter.mul_(shrink);
            }
            else
            {
                gradient = gradient.add(parameter, _weightDecayScalar);
            }
        }

        var mean = state.Slots[Mean];
        var squareMean = state.Slots[SquareMean];
        mean.mul_(_beta1Scalar).add_(gradient, _oneMinusBeta1);
        squareMean.mul_(_beta2Scalar).addcmul_(gradient, gradient, _oneMinusBeta2);
        using var correction2 = Math.Sqrt(biasCorrection2).ToScalar();
        var denominator = squareMean.sqrt().div_(correction2).add_(_epsilon, Numerics.Scalars.One);
        using var stepSize = (-learningRate / biasCorrection1).ToScalar();
        parameter.addcdiv_(mean, denominator, stepSize);
    }

    protected override void DisposeHyperParameters()
    {
        foreach (var s in new[] { _beta1Scalar, _beta2Scalar, _oneMinusBeta1, _oneMinusBeta2, _epsilon, _weightDecayScalar }) s.Dispose();
    }
}
