using static TorchSharp.torch;

namespace MovinetExp.Models;

/// <summary>Accumulates <see cref="TfVariable"/>s while modules describe their TF object paths.</summary>
internal sealed class TfVariableCollector
{
    private readonly List<TfVariable> _variables = new();

    /// <summary>True while the classifier head describes itself.</summary>
    public bool InHead { get; set; }

    public IReadOnlyList<TfVariable> Variables => _variables;

    /// <summary>A trainable parameter (kernel, bias, gamma, beta, scale).</summary>
    public void Parameter(string path, Tensor tensor, TfLayout layout) => Add(path, tensor, layout, trainable: true);

    /// <summary>A non-trainable BN running statistic.</summary>
    public void Statistic(string path, Tensor tensor) =>
        Add(path, tensor, TfLayout.Identity(tensor.shape), trainable: false);

    private void Add(string path, Tensor tensor, TfLayout layout, bool trainable)
    {
        if (!tensor.shape.SequenceEqual(layout.TorchShape))
            throw new InvalidOperationException($"Layout of '{path}' does not match its tensor shape.");
        _variables.Add(new TfVariable(path, layout.TfShape, tensor, InHead, trainable, layout));
    }
}
