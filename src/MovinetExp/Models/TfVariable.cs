using static TorchSharp.torch;

namespace MovinetExp.Models;

/// <summary>
/// One TF checkpoint variable and the torch tensor that holds it. <see cref="Path"/> is the object
/// path without the "/.ATTRIBUTES/VARIABLE_VALUE" suffix (../shared/design/movinet-architecture.md §9.3–9.5). The
/// tensor is the live module parameter or BN running statistic, so copying into it changes the model.
/// </summary>
public sealed record TfVariable(
    string Path, IReadOnlyList<long> TfShape, Tensor Tensor, bool IsHead, bool IsTrainable, TfLayout Layout)
{
    /// <summary>Number of values.</summary>
    public long Count => TfShape.Aggregate(1L, (a, b) => a * b);

    /// <summary>Copies row-major TF-layout values into the torch tensor (on whatever device it lives).</summary>
    public void CopyFromTf(ReadOnlySpan<float> values)
    {
        if (values.Length != Count)
            throw new ArgumentException(
                $"Variable '{Path}' expects {Count} values for TF shape [{string.Join(",", TfShape)}], got {values.Length}.");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var source = tensor(values.ToArray(), dtype: float32);
        Tensor.copy_(Layout.ToTorch(source).to(Tensor.device));
    }

    /// <summary>The tensor's values in TF layout, row-major.</summary>
    public float[] ToTfValues()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return Layout.ToTf(Tensor.detach().to(float32).cpu()).data<float>().ToArray();
    }
}
