using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MovinetExp.Training.Optimizers;

/// <summary>
/// RMSProp (uncentred) as PyTorch defines it: a running mean of squared gradients with decay α, the
/// update g/(sqrt(mean) + ε), optionally through a momentum buffer, with optional L2 weight decay.
/// </summary>
public sealed class RmsPropOptimizer : ParameterOptimizer
{
    private const int SquareMean = 0, Velocity = 1;
    private readonly double _momentum, _weightDecay;
    private readonly Scalar _alpha, _oneMinusAlpha, _epsilon, _momentumScalar, _weightDecayScalar;

    public RmsPropOptimizer(IEnumerable<(IReadOnlyList<Parameter> Parameters, double LearningRate)> groups,
        double alpha, double epsilon, double momentum, double weightDecay)
        : base("rmsprop", groups, slotCount: 2)
    {
        if (alpha < 0) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must not be negative");
        if (epsilon < 0) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must not be negative");
        if (momentum < 0) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "momentum must not be negative");
        if (weightDecay < 0) throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "weight decay must not be negative");
        (_momentum, _weightDecay) = (momentum, weightDecay);
        _alpha = alpha.ToScalar();
        _oneMinusAlpha = (1 - alpha).ToScalar();
        _epsilon = epsilon.ToScalar();
        _momentumScalar = momentum.ToScalar();
        _weightDecayScalar = weightDecay.ToScalar();
    }

    protected override void Update(Parameter parameter, Tensor gradient, ParameterState state, double learningRate)
    {
        if (_weightDecay != 0) gradient = gradient.add(parameter, _weightDecayScalar);
        var squareMean = state.Slots[SquareMean];
        squareMean.mul_(_alpha).addcmul_(gradient, gradient, _oneMinusAlpha);
        var denominator = squareMean.sqrt().add_(_epsilon, Numerics.Scalars.One);
        using var step = (-learningRate).ToScalar();
        if (_momentum > 0)
        {
            var velocity = state.Slots[Velocity];
            velocity.mul_(_momentumScalar).addcdiv_(gradient, denominator, Numerics.Scalars.One);
            parameter.add_(velocity, step);
        }
        else
        {
            parameter.addcdiv_(gradient, denominator, step);
        }
    }

    protected override void DisposeHyperParameters()
    {
        foreach (var s in new[] { _alpha, _oneMinusAlpha, _epsilon, _momentumScalar, _weightDecayScalar }) s.Dispose();
    }
}
