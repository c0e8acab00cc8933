using TorchSharp.Modules;

namespace MovinetExp.Training.Optimizers;

/// <summary>Parameters trained at one learning rate.</summary>
public sealed class ParameterGroup
{
    internal ParameterGroup(IReadOnlyList<Parameter> parameters, double learningRate, int slotCount)
    {
        LearningRate = learningRate;
        States = parameters.Select(p => new ParameterState(p, slotCount)).ToArray();
    }

    /// <summary>Set by the schedule before every step.</summary>
    public double LearningRate { get; set; }

    public IReadOnlyList<ParameterState> States { get; }
}
