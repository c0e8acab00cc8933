using MovinetExp.Training;
using MovinetExp.Training.Optimizers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Training.Optimizers;

/// <summary>
/// Our optimisers against independent references: TorchSharp's own optimisers (same definitions, other
/// code) fed the same gradients, and a float64 recomputation of Adam written out by hand.
/// </summary>
public class OptimizerOracleTests
{
    private const int Steps = 6;

    private static Parameter[] Parameters(int seed) =>
        new long[][] { [3, 4], [5], [2, 1, 3] }.Select((shape, i) =>
        {
            var generator = new Generator((ulong)(seed * 10 + i));
            return new Parameter(randn(shape, generator: generator));
        }).ToArray();

    /// <summary>The same pseudo-random gradient for a parameter at a step, whoever asks.</summary>
    private static void SetGradients(Parameter[] parameters, int step)
    {
        for (int i = 0; i < parameters.Length; i++)
        {
            var g = randn(parameters[i].shape, generator: new Generator((ulong)(1000 + 17 * step + i)));
            if (parameters[i].grad is null) parameters[i].grad = g;
            else parameters[i].grad!.copy_(g);
        }
    }

    private static optim.Optimizer Reference(OptimizerKind kind, Parameter[] head, Parameter[] backbone, double lr, double decay, double momentum) => kind switch
    {
        OptimizerKind.Adam => optim.Adam(new[] { new Adam.ParamGroup(head, new Adam.Options { LearningRate = lr, weight_decay = decay }), new Adam.ParamGroup(backbone, new Adam.Options { LearningRate = lr * 0.1, weight_decay = decay }) }, lr),
        OptimizerKind.Adamw => optim.AdamW(new[] { new AdamW.ParamGroup(head, new AdamW.Options { LearningRate = lr, weight_decay = decay }), new AdamW.ParamGroup(backbone, new AdamW.Options { LearningRate = lr * 0.1, weight_decay = decay }) }, lr),
        OptimizerKind.Sgd => optim.SGD(new[] { new SGD.ParamGroup(head, new SGD.Options { LearningRate = lr, momentum = momentum, weight_decay = decay }), new SGD.ParamGroup(backbone, new SGD.Options { LearningRate = lr * 0.1, momentum = momentum, weight_decay = decay }) }, lr),
        OptimizerKind.Rmsprop => optim.RMSProp(new[] { new RMSProp.ParamGroup(head, new RMSProp.Options { LearningRate = lr, momentum = momentum, weight_decay = decay, alpha = 0.9, eps = 1.0 }), new RMSProp.ParamGroup(backbone, new RMSProp.Options { LearningRate = lr * 0.1, momentum = momentum, weight_decay = decay, alpha = 0.9, eps = 1.0 }) }, lr),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [InlineData(OptimizerKind.Adam, 0.0, 0.0)]
    [InlineData(OptimizerKind.Adam, 0.01, 0.0)]
    [InlineData(OptimizerKind.Adamw, 0.0, 0.0)]
    [InlineData(OptimizerKind.Adamw, 0.05, 0.0)]
    [InlineData(OptimizerKind.Sgd, 0.0, 0.0)]
    [InlineData(OptimizerKind.Sgd, 0.01, 0.9)]
    [InlineData(OptimizerKind.Rmsprop, 0.0, 0.0)]
    [InlineData(OptimizerKind.Rmsprop, 0.01, 0.9)]
    public void EveryStepMatchesTorchSharpsOptimiser(OptimizerKind kind, double decay, double momentum)
    {
        using var scope = NewDisposeScope();
        var ours = Parameters(1);
        var theirs = Parameters(1);
        using var setup = OptimizerSetup.Create(kind, 0.05, decay, momentum, ours[..2], ours[2..], 0.1);
        using var reference = Reference(kind, theirs[..2], theirs[2..], 0.05, decay, momentum);
        for (int step = 0; step < Steps; step++)
        {
            // A rate that changes every step, as a schedule's does, applied to both groups by their factors.
            double rate = 0.05 * (1 + step) / Steps;
            setup.SetLearningRate(rate);
            foreach (var group in reference.ParamGroups) group.LearningRate = rate * (group == reference.ParamGroups.First() ? 1 : 0.1);
            SetGradients(ours, step);
            SetGradients(theirs, step);
            setup.Optimizer.Step();
            reference.step();
            for (int i = 0; i < ours.Length; i++)
            {
                float[] a = ours[i].data<float>().ToArray(), b = theirs[i].data<float>().ToArray();
                for (int k = 0; k < a.Length; k++)
                    Assert.True(Math.Abs(a[k] - b[k]) <= 1e-6 * Math.Max(1, Math.Abs(b[k])),
                        $"{kind} step {step + 1} parameter {i}[{k}]: ours {a[k]:R}, TorchSharp's {b[k]:R}");
            }
        }
    }

    [Fact]
    public void AdamMatchesAFloat64RecomputationOfItsDefinition()
    {
        using var scope = NewDisposeScope();
        var parameters = Parameters(2);
        const double lr = 0.01, decay = 0.02, beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        var x = parameters.Select(p => p.data<float>().Select(v => (double)v).ToArray()).ToArray();
        var m = x.Select(p => new double[p.Length]).ToArray();
        var v = x.Select(p => new double[p.Length]).ToArray();
        using var adam = new AdamOptimizer([(parameters, lr)], decay, decoupledWeightDecay: false, beta1, beta2, eps);
        for (int t = 1; t <= Steps; t++)
        {
            SetGradients(parameters, t);
            var grads = parameters.Select(p => p.grad!.data<float>().Select(g => (double)g).ToArray()).ToArray();
            adam.Step();
            for (int i = 0; i < x.Length; i++)
            for (int k = 0; k < x[i].Length; k++)
            {
                double g = grads[i][k] + decay * x[i][k];
                m[i][k] = beta1 * m[i][k] + (1 - beta1) * g;
                v[i][k] = beta2 * v[i][k] + (1 - beta2) * g * g;
                double mHat = m[i][k] / (1 - Math.Pow(beta1, t)), vHat = v[i][k] / (1 - Math.Pow(beta2, t));
                x[i][k] -= lr * mHat / (Math.Sqrt(vHat) + eps);
            }
            // The float32 parameters follow the float64 recurrence to float32 rounding of a few updates.
            for (int i = 0; i < x.Length; i++)
            {
                float[] actual = parameters[i].data<float>().ToArray();
                for (int k = 0; k < actual.Length; k++)
                    Assert.True(Math.Abs(actual[k] - x[i][k]) <= 1e-5 * Math.Max(1, Math.Abs(x[i][k])),
                        $"step {t} parameter {i}[{k}]: {actual[k]:R} vs float64 {x[i][k]:R}");
            }
        }
    }
}
