using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MovinetExp.Training.Optimizers;

/// <summary>
/// A gradient-descent optimiser over parameter groups, each with its own learning rate, keeping per
/// parameter a step count and state tensors ("slots": Adam's moments, a momentum buffer).
/// Written here instead of using TorchSharp's optimisers because theirs pass a temporary
/// <see cref="Scalar"/> to nearly every LibTorch call of a step, which a garbage collection on another
/// thread can free mid-call (see <see cref="Numerics.Scalars"/>); the updates follow PyTorch's definitions,
/// and tests compare every step with TorchSharp's optimisers and with float64 recomputation.
/// </summary>
public abstract class ParameterOptimizer : IDisposable
{
    private const string FormatTag = "movinet-exp optimizer state 1";
    private readonly ParameterGroup[] _groups;
    private bool _disposed;

    /// <param name="kind">Name written with the state, so a state is never loaded into another kind of optimiser.</param>
    /// <param name="slotCount">State tensors per parameter, each made as zeros shaped like the parameter.</param>
    protected ParameterOptimizer(string kind, IEnumerable<(IReadOnlyList<Parameter> Parameters, double LearningRate)> groups, int slotCount)
    {
        Kind = kind;
        _groups = groups.Select(g => new ParameterGroup(g.Parameters, g.LearningRate, slotCount)).ToArray();
    }

    public string Kind { get; }

    public IReadOnlyList<ParameterGroup> Groups => _groups;

    /// <summary>Zeroes the gradients in place (as TorchSharp's <c>zero_grad</c> does); a parameter that never got one keeps none.</summary>
    public void ZeroGrad()
    {
        using var scope = NewDisposeScope();
        foreach (var state in _groups.SelectMany(g => g.States))
            state.Parameter.grad?.zero_();
    }

    /// <summary>One update of every parameter that has a gradient, at its group's current learning rate.</summary>
    public void Step()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using (no_grad())
        using (NewDisposeScope())
        {
            foreach (var group in _groups)
            foreach (var state in group.States)
            {
                var gradient = state.Parameter.grad;
                if (gradient is null) continue;
                state.Steps++;
                Update(state.Parameter, gradient, state, group.LearningRate);
            }
        }
        // The hyper-parameter Scalars are fields of the derived optimiser: it must outlive every call above.
        GC.KeepAlive(this);
    }

    /// <summary>Updates one parameter in place; <paramref name="state"/>'s step count already includes this step.</summary>
    protected abstract void Update(Parameter parameter, Tensor gradient, ParameterState state, double learningRate);

    public void Save(BinaryWriter writer)
    {
        writer.Write(FormatTag);
        writer.Write(Kind);
        writer.Write(_groups.Length);
        foreach (var group in _groups)
        {
            writer.Write(group.States.Count);
            foreach (var state in group.States)
            {
                writer.Write(state.Steps);
                writer.Write(state.Slots.Length);
                foreach (var slot in state.Slots) slot.Save(writer);
            }
        }
    }

    /// <summary>Restores what <see cref="Save"/> wrote for an optimiser of the same kind over the same parameters.</summary>
    /// <exception cref="InvalidDataException">The state is of another format, kind or parameter layout.</exception>
    public void Load(BinaryReader reader)
    {
        string tag = reader.ReadString();
        if (tag != FormatTag) throw new InvalidDataException($"not an optimiser state of this version of movinet-exp (expected \"{FormatTag}\")");
        string kind = reader.ReadString();
        if (kind != Kind) throw new InvalidDataException($"the state is of a {kind} optimiser, not {Kind}");
        Expect(reader.ReadInt32(), _groups.Length, "parameter groups");
        foreach (var group in _groups)
        {
            Expect(reader.ReadInt32(), group.States.Count, "parameters in a group");
            foreach (var state in group.States)
            {
                state.Steps = reader.ReadInt64();
                Expect(reader.ReadInt32(), state.Slots.Length, "state tensors per parameter");
                foreach (var slot in state.Slots) slot.Load(reader);
            }
        }
    }

    private static void Expect(int found, int expected, string what)
    {
        if (found != expected) throw new InvalidDataException($"the state has {found} {what}, this optimiser {expected}");
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var slot in _groups.SelectMany(g => g.States).SelectMany(s => s.Slots)) slot.Dispose();
        DisposeHyperParameters();
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the Scalars a derived optimiser holds.</summary>
    protected abstract void DisposeHyperParameters();
}
