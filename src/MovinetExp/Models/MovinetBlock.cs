using TorchSharp;
using MovinetExp.Numerics;
using MovinetExp.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MovinetExp.Models;

/// <summary>
/// One block layer (../shared/design/movinet-architecture.md §3.3): 1×1×1 expansion → depthwise feature conv → SE →
/// 1×1×1 projection (no activation) → ReZero scale → stochastic depth, added to the (projected) shortcut.
/// </summary>
internal sealed class MovinetBlock : nn.Module, ITfVariableSource
{
    private readonly ConvBlock expansion;
    private readonly ConvBlock feature;
    private readonly SqueezeExcitation? attention;
    private readonly ConvBlock projection;
    private readonly SkipBlock? skip;
    private readonly Parameter rezero_scale;
    private readonly double _dropRate;

    /// <param name="name">block{stage}_layer{layer}; also names the layer's stream-state entries.</param>
    public MovinetBlock(string name, long inChannels, long outChannels, BlockSpec spec, MovinetOptions options,
        double dropRate) : base(name)
    {
        Name = name;
        Stride = spec.Stride;
        string statePrefix = StreamKeys.LayerPrefix(name);
        _dropRate = dropRate;
        expansion = new ConvBlock(inChannels, spec.Expansion, Size3.One, Size3.One, options, options.Activation);
        feature = new ConvBlock(spec.Expansion, spec.Expansion, spec.Kernel, spec.Stride, options, options.Activation,
            depthwise: true, streamPrefix: statePrefix);
        if (options.SeType != SeType.None) attention = new SqueezeExcitation(spec.Expansion, options, statePrefix);
        projection = new ConvBlock(spec.Expansion, outChannels, Size3.One, Size3.One, options, ActivationKind.Identity);
        if (inChannels != outChannels || spec.IsStrided) skip = new SkipBlock(inChannels, outChannels, spec.Stride, options);
        // ReZero starts at 0 so every residual branch starts switched off
        // (../shared/design/movinet-architecture.md §2.3).
        using var initialScale = options.ResidualScaleInit.ToScalar();
        rezero_scale = new Parameter(full(Array.Empty<long>(), initialScale));
        RegisterComponents();
    }

    public string Name { get; }

    public Size3 Stride { get; }

    public Tensor Forward(Tensor x, StreamContext? stream)
    {
        using var scope = NewDisposeScope();
        var y = feature.Forward(expansion.Forward(x, stream), stream);
        if (attention is not null) y = attention.Forward(y, stream);
        y = projection.Forward(y, stream).mul(rezero_scale);
        y = StochasticDepth.Apply(y, _dropRate, training);
        var shortcut = skip?.Forward(x) ?? x;
        return shortcut.add(y, Scalars.One).MoveToOuterDisposeScope();
    }

    /// <summary><see cref="Forward"/> in an exported model (stochastic depth is the identity in inference).</summary>
    public OnnxFeature ExportOnnx(OnnxGraph g, OnnxFeature x, OnnxStateGraph? state)
    {
        var y = feature.ExportOnnx(g, Name + "/feature", expansion.ExportOnnx(g, Name + "/expansion", x, state), state);
        if (attention is not null) y = y with { Value = attention.ExportOnnx(g, Name + "/se", y, state) };
        y = projection.ExportOnnx(g, Name + "/projection", y, state);
        y = y with { Value = g.Mul(Name, y.Value, g.Weight(Name + "/rezero_scale", rezero_scale)) };
        var shortcut = skip?.ExportOnnx(g, Name + "/skip", x) ?? x;
        return y with { Value = g.Add(Name, shortcut.Value, y.Value) };
    }

    /// <summary>Adds this layer's zero state for an input of spatial size h×w.</summary>
    public void AddInitialState(StreamState state, long batch, long height, long width, Device device)
    {
        feature.AddInitialState(state, batch, height, width, device);
        attention?.AddInitialState(state, batch, device);
    }

    public FeatureShape Describe(LayerTable table, FeatureShape input)
    {
        var expanded = expansion.Describe(table, Name + "/expansion", input);
        var featured = feature.Describe(table, Name + "/feature", expanded);
        attention?.Describe(table, Name + "/se", featured);
        var output = projection.Describe(table, Name + "/projection", featured);
        skip?.Describe(table, Name + "/skip", input);
        return output;
    }

    public void CollectTfVariables(string path, TfVariableCollector collector)
    {
        expansion.CollectTfVariables(path + "/_expansion", collector);
        feature.CollectTfVariables(path + "/_feature", collector);
        attention?.CollectTfVariables(path + "/_attention", collector);
        projection.CollectTfVariables(path + "/_projection", collector);
        skip?.CollectTfVariables(path + "/_skip", collector);
        collector.Parameter(path + "/_mobile_bottleneck/_rezero/scale", rezero_scale,
            TfLayout.Identity(Array.Empty<long>()));
    }
}
