using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MovinetExp.Training.Optimizers;

/// <summary>What an optimiser keeps for one parameter between steps.</summary>
public sealed class ParameterState
{
    internal ParameterState(Parameter parameter, int slotCount)
    {
        Parameter = parameter;
        using var scope = NewDisposeScope();
        Slots = Enumerable.Range(0, slotCount).Select(_ => zeros_like(parameter).DetachFromDisposeScope()).ToArray();
    }

    public Parameter Parameter { get; }

    /// <summary>Steps this parameter has been updated in, this one included while it is updated.</summary>
    public long Steps { get; set; }

    public Tensor[] Slots { get; }
}
