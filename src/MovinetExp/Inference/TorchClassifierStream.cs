using MovinetExp.Models;
using static TorchSharp.torch;

namespace MovinetExp.Inference;

/// <summary>A TorchSharp stream model's state carried from frame to frame (<see cref="MovinetClassifier.Stream"/>).</summary>
internal sealed class TorchClassifierStream : IClassifierStream
{
    private readonly MovinetClassifier _model;
    private readonly Device _device;
    private readonly int _height;
    private readonly int _width;
    private StreamState _state;

    public TorchClassifierStream(MovinetClassifier model, int height, int width, Device device)
    {
        _model = model;
        _device = device;
        _height = height;
        _width = width;
        _state = model.InitStates(1, height, width);
    }

    public float[] Next(float[] frame)
    {
        using var scope = NewDisposeScope();
        var input = tensor(frame, [1, 1, _height, _width, 3]).to(_device).permute(0, 4, 1, 2, 3).contiguous();
        var (output, next) = _model.Stream(input, _state);
        _state.Dispose();
        _state = next;
        return output.to(CPU).data<float>().ToArray();
    }

    public void Dispose() => _state.Dispose();
}
