using MovinetExp.Models;

namespace MovinetExp.Inference;

/// <summary>A classifier ready for inference: the model (in eval mode), its class names, and where it came from.</summary>
public sealed record LoadedClassifier(MovinetClassifier Model, IReadOnlyList<string> Labels, InputSampling DefaultSampling, string Origin) : IDisposable
{
    public void Dispose() => Model.Dispose();
}
