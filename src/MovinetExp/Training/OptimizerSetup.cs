using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MovinetExp.Training;

/// <summary>
/// An optimiser over two parameter groups, the new head and the (unfrozen part of the) backbone, each
/// with its own learning-rate factor relative to the schedule. The schedule sets the rates every step.
/// </summary>
public sealed class OptimizerSetup : IDisposable
{
    private readonly (optim.ILearningRateController Group, double Factor)[] _groups;

    private OptimizerSetup(OptimizerHelper optimizer, (optim.ILearningRateController, double)[] groups, IReadOnlyList<Parameter> parameters)
    {
        Optimizer = optimizer;
        _groups = groups;
        Parameters = parameters;
    }

    public OptimizerHelper Optimizer { get; }

    /// <summary>Every parameter the optimiser updates (for gradient clipping).</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <param name="headParameters">Parameters trained at the base rate.</param>
    /// <param name="backboneParameters">Parameters trained at <paramref name="backboneFactor"/> x the base rate (may be empty).</param>
    public static OptimizerSetup Create(OptimizerKind kind, double learningRate, double weightDecay, double momentum,
        IReadOnlyList<Parameter> headParameters, IReadOnlyList<Parameter> backboneParameters, double backboneFactor)
    {
        var sets = new List<(IReadOnlyList<Parameter> Params, double Factor)> { (headParameters, 1.0) };
        if (backboneParameters.Count > 0) sets.Add((backboneParameters, backboneFactor));

        OptimizerHelper optimizer = kind switch
        {
            OptimizerKind.Adam => optim.Adam(sets.Select(s => new Adam.ParamGroup(s.Params, new Adam.Options { LearningRate = learningRate * s.Factor, weight_decay = weightDecay })), learningRate),
            OptimizerKind.Adamw => optim.AdamW(sets.Select(s => new AdamW.ParamGroup(s.Params, new AdamW.Options { LearningRate = learningRate * s.Factor, weight_decay = weightDecay })), learningRate),
            OptimizerKind.Sgd => optim.SGD(sets.Select(s => new SGD.ParamGroup(s.Params, new SGD.Options { LearningRate = learningRate * s.Factor, momentum = momentum, weight_decay = weightDecay })), learningRate),
            OptimizerKind.Rmsprop => optim.RMSProp(sets.Select(s => new RMSProp.ParamGroup(s.Params, new RMSProp.Options { LearningRate = learningRate * s.Factor, momentum = momentum, weight_decay = weightDecay, alpha = 0.9, eps = 1.0 })), learningRate),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        var groups = optimizer.ParamGroups.Zip(sets, (g, s) => (g, s.Factor)).ToArray();
        return new OptimizerSetup(optimizer, groups, headParameters.Concat(backboneParameters).ToList());
    }

    public void SetLearningRate(double baseRate)
    {
        foreach (var (group, factor) in _groups) group.LearningRate = baseRate * factor;
    }

    public void Save(string path)
    {
        using var writer = new BinaryWriter(File.Create(path));
        Optimizer.save_state_dict(writer);
    }

    public void Load(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        Optimizer.load_state_dict(reader);
    }

    public void Dispose() => Optimizer.Dispose();
}
