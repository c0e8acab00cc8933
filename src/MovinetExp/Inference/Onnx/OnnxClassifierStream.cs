using Microsoft.ML.OnnxRuntime;

namespace MovinetExp.Inference.Onnx;

/// <summary>
/// An exported stream model run frame by frame: each call's state outputs (state/X:next) become the next call's
/// state inputs (state/X), without copying them.
/// </summary>
internal sealed class OnnxClassifierStream : IClassifierStream
{
    private readonly OnnxClassifier _classifier;
    private readonly long[] _frameShape;
    private List<OrtValue>? _initial;
    private IDisposableReadOnlyCollection<OrtValue>? _previous;

    public OnnxClassifierStream(OnnxClassifier classifier, List<OrtValue> initial, int height, int width)
    {
        _classifier = classifier;
        _initial = initial;
        _frameShape = [1, 1, height, width, 3];
    }

    public float[] Next(float[] frame)
    {
        IReadOnlyList<OrtValue> state = _initial ?? _previous!.Skip(1).ToList();
        using var video = OrtValue.CreateTensorValueFromMemory(frame, _frameShape);
        var outputs = _classifier.Run(video, state);
        ReleaseState();
        _previous = outputs;
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    private void ReleaseState()
    {
        if (_initial is not null) foreach (var v in _initial) v.Dispose();
        _initial = null;
        _previous?.Dispose();
        _previous = null;
    }

    public void Dispose() => ReleaseState();
}
