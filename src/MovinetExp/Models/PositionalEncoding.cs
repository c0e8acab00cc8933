using TorchSharp;
using MovinetExp.Numerics;
using MovinetExp.Export;
using TorchSharp.Modules;
using DataType = Onnx.TensorProto.Types.DataType;
using static TorchSharp.torch;

namespace MovinetExp.Models;

/// <summary>
/// Sinusoidal encoding of the absolute frame index added to the SE squeeze (A3–A5 stream,
/// ../shared/design/movinet-architecture.md §6.5): s + scale·[sin(p·w_0..w_{C/2−1}), cos(p·w_0..w_{C/2−1})],
/// w_k = 10000^(−2k/C), scale learned (init 0). The frame counter lives in the stream state so positions continue
/// across chunks.
/// </summary>
internal sealed class PositionalEncoding : nn.Module, ITfVariableSource
{
    private readonly Parameter scale;
    private readonly string _counterKey;

    public PositionalEncoding(string streamPrefix) : base(nameof(PositionalEncoding))
    {
        scale = new Parameter(zeros(Array.Empty<long>()));
        _counterKey = StreamKeys.PositionFrameCount(streamPrefix);
        RegisterComponents();
    }

    /// <summary>Adds the encoding to the squeeze tensor [B,C,T,1,1].</summary>
    public Tensor Forward(Tensor squeeze, StreamContext? stream)
    {
        long start = stream?.Previous.FrameCount(_counterKey) ?? 0;
        long frames = squeeze.shape[2];
        stream?.Next.SetFrameCount(_counterKey, start + frames);
        var encoding = Encoding(squeeze.shape[1], start, frames, squeeze.dtype, squeeze.device);
        return squeeze.add(encoding.view(1, squeeze.shape[1], frames, 1, 1).mul(scale), Scalars.One);
    }

    /// <summary>The [C, T] encoding of frames start … start+T−1.</summary>
    public static Tensor Encoding(long channels, long start, long frames, ScalarType dtype, Device device)
    {
        using var first = start.ToScalar();
        using var end = (start + frames).ToScalar();
        var positions = arange(first, end, Scalars.One, float32, device);
        var angles = Frequencies(channels, device).unsqueeze(1).mul(positions.unsqueeze(0));
        return cat(new[] { angles.sin(), angles.cos() }, 0).to(dtype);
    }

    /// <summary>w_k = 10000^(−2k/C), k = 0 … C/2−1.</summary>
    private static Tensor Frequencies(long channels, Device device)
    {
        if (channels % 2 != 0) throw new ArgumentException("Positional encoding needs an even channel count.");
        using var count = (channels / 2).ToScalar();
        using var exponent = (-2.0 / channels).ToScalar();
        var k = arange(Scalars.Of(0L), count, Scalars.One, float32, device);
        return pow(tensor(10000.0), k.mul(exponent)); // a 0-dim float64 tensor, as the implicit conversion made it before
    }

    /// <summary><see cref="Forward"/> in an exported model: positions continue from the counter in the state.</summary>
    public string ExportOnnx(OnnxGraph g, string scope, OnnxFeature squeeze, OnnxStateGraph? state)
    {
        var start = state?.Count(_counterKey) ?? g.Int64s(0);
        var end = g.Add(scope, start, g.Dimension(scope, squeeze.Value, 2));
        state?.SetNext(_counterKey, end);
        var positions = g.Cast(scope, g.Node("Range", scope, [g.Scalar(scope, start), g.Scalar(scope, end), g.Int64Scalar(1)]), DataType.Float);
        string frequencies;
        using (var scopeTensors = NewDisposeScope()) frequencies = g.Weight(scope + "/frequencies", Frequencies(squeeze.Channels, CPU));
        var angles = g.Mul(scope, g.Node("Unsqueeze", scope, [frequencies, g.Int64s(1)]), g.Node("Unsqueeze", scope, [positions, g.Int64s(0)]));
        var encoding = g.Concat(scope, 0, g.Node("Sin", scope, [angles]), g.Node("Cos", scope, [angles]));
        encoding = g.Node("Reshape", scope, [encoding, g.Int64s(1, squeeze.Channels, -1, 1, 1)]);
        return g.Add(scope, squeeze.Value, g.Mul(scope, encoding, g.Weight(scope + "/scale", scale)));
    }

    public void AddInitialState(StreamState state) => state.SetFrameCount(_counterKey, 0);

    public void CollectTfVariables(string path, TfVariableCollector collector) =>
        collector.Parameter(path + "/_rezero/scale", scale, TfLayout.Identity(Array.Empty<long>()));
}
