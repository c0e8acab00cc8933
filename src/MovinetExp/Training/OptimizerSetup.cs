using MovinetExp.Training.Optimizers;
using TorchSharp.Modules;

namespace MovinetExp.Training;

/// <summary>
/// An optimiser over two parameter groups, the new head and the (unfrozen part of the) backbone, each
/// with its own learning-rate factor relative to the schedule. The schedule sets the rates every step.
/// </summary>
public sealed class OptimizerSetup : IDisposable
{
    private readonly double[] _factors;

    private OptimizerSetup(ParameterOptimizer optimizer, double[] factors, IReadOnlyList<Parameter> parameters)
    {
        Optimizer = optimizer;
        _factors = factors;
        Parameters = parameters;
    }

    public ParameterOptimizer Optimizer { get; }

    /// <summary>Every parameter the optimiser updates (for gradient clipping).</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <param name="headParameters">Parameters trained at the base rate.</param>
    /// <param name="backboneParameters">Parameters trained at <paramref name="backboneFactor"/> x the base rate (may be empty).</param>
    public static OptimizerSetup Create(OptimizerKind kind, double learningRate, double weightDecay, double momentum,
        IReadOnlyList<Parameter> headParameters, IReadOnlyList<Parameter> backboneParameters, double backboneFactor)
    {
        var sets = new List<(IReadOnlyList<Parameter> Params, double Factor)> { (headParameters, 1.0) };
        if (backboneParameters.Count > 0) sets.Add((backboneParameters, backboneFactor));
        var groups = sets.Select(s => (s.Params, learningRate * s.Factor)).ToList();

        ParameterOptimizer optimizer = kind switch
        {
            OptimizerKind.Adam => new AdamOptimizer(groups, weightDecay, decoupledWeightDecay: false),
            OptimizerKind.Adamw => new AdamOptimizer(groups, weightDecay, decoupledWeightDecay: true),
            OptimizerKind.Sgd => new SgdOptimizer(groups, momentum, weightDecay),
            // α and ε as in TF Model Garden's MoViNet RMSprop configs (decay 0.9, epsilon 1.0).
            OptimizerKind.Rmsprop => new RmsPropOptimizer(groups, alpha: 0.9, epsilon: 1.0, momentum, weightDecay),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        return new OptimizerSetup(optimizer, sets.Select(s => s.Factor).ToArray(), headParameters.Concat(backboneParameters).ToList());
    }

    public void SetLearningRate(double baseRate)
    {
        for (int i = 0; i < _factors.Length; i++) Optimizer.Groups[i].LearningRate = baseRate * _factors[i];
    }

    public void Save(string path)
    {
        using var writer = new BinaryWriter(File.Create(path));
        Optimizer.Save(writer);
    }

    /// <exception cref="InvalidDataException">The file is not a state of this optimiser (another kind, layout or format).</exception>
    public void Load(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        try
        {
            Optimizer.Load(reader);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("the optimiser state ends early");
        }
    }

    public void Dispose() => Optimizer.Dispose();
}
