using MovinetExp.Export;
using static TorchSharp.torch;

namespace MovinetExp.Models;

/// <summary>
/// Squeeze-excitation of a block layer (../shared/design/movinet-architecture.md §3.4): pool (per se_type, causal or
/// not), optional positional encoding, 1×1×1 reduce conv (bias, main activation), 1×1×1 expand conv (bias, gating
/// activation), then gate ⊙ input.
/// </summary>
internal sealed class SqueezeExcitation : nn.Module, ITfVariableSource
{
    private readonly ConvBlock se_reduce;
    private readonly ConvBlock se_expand;
    private readonly PositionalEncoding? pos_encoding;
    private readonly SeType _seType;
    private readonly bool _causal;
    private readonly string _prefix;
    private readonly long _channels;

    public SqueezeExcitation(long channels, MovinetOptions options, string streamPrefix) : base(nameof(SqueezeExcitation))
    {
        if (options.SeType == SeType.None) throw new ArgumentException("se_type none builds no SE module.");
        _seType = options.SeType;
        _causal = options.Causal;
        _prefix = streamPrefix;
        _channels = channels;
        long squeezeChannels = _seType == SeType.TwoPlusThreeD ? 2 * channels : channels;
        long hidden = ChannelMath.SqueezeExcitationWidth((int)channels, _seType);
        se_reduce = new ConvBlock(squeezeChannels, hidden, Size3.One, Size3.One, options, options.Activation,
            useBias: true, useBatchNorm: false);
        se_expand = new ConvBlock(hidden, channels, Size3.One, Size3.One, options, options.GatingActivation,
            useBias: true, useBatchNorm: false);
        if (options.UsePositionalEncoding) pos_encoding = new PositionalEncoding(streamPrefix);
        RegisterComponents();
    }

    /// <summary>Whether this SE keeps a running pool in the stream state (se_type 3d or 2plus3d).</summary>
    private bool UsesTemporalPool => _seType is SeType.ThreeD or SeType.TwoPlusThreeD;

    public Tensor Forward(Tensor x, StreamContext? stream)
    {
        using var scope = NewDisposeScope();
        var perFrame = TemporalPool.SpatialMean(x);
        var squeeze = _seType switch
        {
            SeType.TwoD => perFrame,
            SeType.ThreeD => TemporalSqueeze(perFrame, stream),
            SeType.TwoPlusThreeD => cat(new[] { TemporalSqueeze(perFrame, stream).expand_as(perFrame), perFrame }, 1),
            _ => throw new InvalidOperationException($"Unexpected se_type {_seType}."),
        };
        if (pos_encoding is not null) squeeze = pos_encoding.Forward(squeeze, stream);
        var gate = se_expand.Forward(se_reduce.Forward(squeeze, stream), stream);
        return x.mul(gate).MoveToOuterDisposeScope();
    }

    /// <summary><see cref="Forward"/> in an exported model.</summary>
    public string ExportOnnx(OnnxGraph g, string scope, OnnxFeature x, OnnxStateGraph? state)
    {
        var perFrame = x with { Value = TemporalPool.ExportSpatialMean(g, scope, x.Value) };
        var squeeze = _seType switch
        {
            SeType.TwoD => perFrame,
            SeType.ThreeD => perFrame with { Value = ExportTemporalSqueeze(g, scope, perFrame, state) },
            SeType.TwoPlusThreeD => new OnnxFeature(g.Concat(scope, 1,
                g.Node("Expand", scope, [ExportTemporalSqueeze(g, scope, perFrame, state), g.Node("Shape", scope, [perFrame.Value])]),
                perFrame.Value), 2 * x.Channels, x.Scale),
            _ => throw new InvalidOperationException($"Unexpected se_type {_seType}."),
        };
        if (pos_encoding is not null) squeeze = squeeze with { Value = pos_encoding.ExportOnnx(g, scope + "/pos_encoding", squeeze, state) };
        var gate = se_expand.ExportOnnx(g, scope + "/se_expand", se_reduce.ExportOnnx(g, scope + "/se_reduce", squeeze, state), state);
        return g.Mul(scope, x.Value, gate.Value);
    }

    private string ExportTemporalSqueeze(OnnxGraph g, string scope, OnnxFeature perFrame, OnnxStateGraph? state) => _causal
        ? TemporalPool.ExportCumulativeMean(g, scope, perFrame, state, _prefix)
        : g.Mean(scope, perFrame.Value, 2);

    /// <summary>Cumulative mean over time when causal, else the clip mean [B,C,1,1,1].</summary>
    private Tensor TemporalSqueeze(Tensor perFrame, StreamContext? stream) => _causal
        ? TemporalPool.CumulativeMean(perFrame, stream, _prefix)
        : perFrame.mean(new long[] { 2 }, keepdim: true);

    public void AddInitialState(StreamState state, long batch, Device device)
    {
        if (UsesTemporalPool) TemporalPool.AddInitial(state, _prefix, batch, _channels, device);
        pos_encoding?.AddInitialState(state);
    }

    public FeatureShape Describe(LayerTable table, string name, FeatureShape input)
    {
        // Base SE squeezes the whole clip to one vector; causal and per-frame squeezes keep T.
        long frames = _seType == SeType.ThreeD && !_causal ? 1 : input.T;
        long squeezeChannels = _seType == SeType.TwoPlusThreeD ? 2 * input.C : input.C;
        var squeeze = new FeatureShape(squeezeChannels, frames, 1, 1);
        table.Add(new LayerSummary(name + "/squeeze", "global_pool", input.C, squeezeChannels, "-", "-",
            squeeze.ToArray(), 0, 0));
        var hidden = se_reduce.Describe(table, name + "/se_reduce", squeeze);
        se_expand.Describe(table, name + "/se_expand", hidden);
        return input;
    }

    public void CollectTfVariables(string path, TfVariableCollector collector)
    {
        pos_encoding?.CollectTfVariables(path + "/_pos_encoding", collector);
        se_reduce.CollectTfVariables(path + "/_se_reduce", collector);
        se_expand.CollectTfVariables(path + "/_se_expand", collector);
    }
}
