using MovinetExp.Models;
using MovinetExp.Training;
using static TorchSharp.torch;

namespace MovinetExp.Inference;

/// <summary>
/// A TorchSharp classifier ready for inference: the model (in eval mode) on <paramref name="Device"/>, its class names,
/// and where it came from.
/// </summary>
/// <param name="CheckpointSha256">Identifies the checkpoint the weights were read from (recorded in exported models).</param>
public sealed record LoadedClassifier(MovinetClassifier Model, IReadOnlyList<string> Labels, InputSampling DefaultSampling, string Origin,
    Device Device, string? CheckpointSha256 = null) : IVideoClassifier
{
    public string Engine => "torch";

    public HardSigmoidKind HardSigmoid => Model.Options.HardSigmoidKind;

    public bool Causal => Model.Options.Causal;

    public float[][] Classify(float[] pixels, int batch, int frames, int height, int width) =>
        SupervisedLoop.Logits(Model, pixels, [batch, frames, height, width, 3], Device);

    public IClassifierStream OpenStream(int height, int width) => new TorchClassifierStream(Model, height, width, Device);

    public void Dispose() => Model.Dispose();
}
