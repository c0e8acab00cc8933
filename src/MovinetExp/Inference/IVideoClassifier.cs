using MovinetExp.Models;

namespace MovinetExp.Inference;

/// <summary>
/// What `predict` and `stream` classify with, whichever engine computes it: TorchSharp (<see cref="LoadedClassifier"/>)
/// or ONNX Runtime on an exported model (<see cref="Onnx.OnnxClassifier"/>). Both take clips as RGB floats in [0, 1],
/// laid out [batch, frames, height, width, 3], and give logits.
/// </summary>
public interface IVideoClassifier : IDisposable
{
    IReadOnlyList<string> Labels { get; }

    /// <summary>How videos are sampled for this classifier unless the command line says otherwise.</summary>
    InputSampling DefaultSampling { get; }

    /// <summary>Where the classifier came from, as shown to the user.</summary>
    string Origin { get; }

    /// <summary>"torch" or "onnx".</summary>
    string Engine { get; }

    /// <summary>The hard-sigmoid formula of the model's SE gate (stream models).</summary>
    HardSigmoidKind HardSigmoid { get; }

    /// <summary>Whether the model is causal, i.e. can be streamed frame by frame.</summary>
    bool Causal { get; }

    /// <summary>Logits of each clip of <paramref name="pixels"/> [batch, frames, height, width, 3].</summary>
    float[][] Classify(float[] pixels, int batch, int frames, int height, int width);

    /// <summary>A stream of one clip of frames height × width, starting from the zero state (causal models only).</summary>
    IClassifierStream OpenStream(int height, int width);
}

/// <summary>One clip streamed frame by frame; each call gives the logits for all frames seen so far.</summary>
public interface IClassifierStream : IDisposable
{
    /// <summary>Feeds one frame [height, width, 3] and returns the logits after it.</summary>
    float[] Next(float[] frame);
}
