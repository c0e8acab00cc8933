using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MovinetExp.Training.Optimizers;

/// <summary>
/// Stochastic gradient descent with optional (heavy-ball, undampened) momentum and L2 weight decay, as
/// PyTorch defines it. The momentum buffer starts at zero, which makes its first value the gradient
/// itself, as PyTorch's clone of the first gradient does.
/// </summary>
public sealed class SgdOptimizer : ParameterOptimizer
{
    private const int Velocity = 0;
    private readonly double _momentum, _weightDecay;
    private readonly Scalar _momentumScalar, _weightDecayScalar;

    public SgdOptimizer(IEnumerable<(IReadOnlyList<Parameter> Parameters, double LearningRate)> groups, double momentum, double weightDecay)
        : base("sgd", groups, slotCount: 1)
    {
        if (momentum < 0) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "momentum must not be negative");
        if (weightDecay < 0) throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "weight decay must not be negative");
        (_momentum, _weightDecay) = (momentum, weightDecay);
        _momentumScalar = momentum.ToScalar();
        _weightDecayScalar = weightDecay.ToScalar();
    }

    protected override void Update(Parameter parameter, Tensor gradient, ParameterState state, double learningRate)
    {
        if (_weightDecay != 0) gradient = gradient.add(parameter, _weightDecayScalar);
        if (_momentum != 0)
        {
            var velocity = state.Slots[Velocity];
            velocity.mul_(_momentumScalar).add_(gradient, Numerics.Scalars.One);
            gradient = velocity;
        }
        using var step = (-learningRate).ToScalar();
        parameter.add_(gradient, step);
    }

    protected override void DisposeHyperParameters()
    {
        _momentumScalar.Dispose();
        _weightDecayScalar.Dispose();
    }
}
