using MovinetExp.Export;
using static TorchSharp.torch;

namespace MovinetExp.Models;

/// <summary>
/// The backbone's last layer (../shared/design/movinet-architecture.md §3.5): 1×1×1 projection to P channels with BN
/// and activation, then the global average over T,H,W (a running mean over all frames seen when streaming).
/// </summary>
internal sealed class Head : nn.Module, ITfVariableSource
{
    private readonly ConvBlock project;
    private readonly long _channels;

    public Head(long inChannels, long projectFilters, MovinetOptions options) : base(nameof(Head))
    {
        _channels = projectFilters;
        project = new ConvBlock(inChannels, projectFilters, Size3.One, Size3.One, options, options.Activation);
        RegisterComponents();
    }

    /// <summary>[B,C,T,H,W] → pooled [B,P,1,1,1].</summary>
    public Tensor Forward(Tensor x, StreamContext? stream)
    {
        using var scope = NewDisposeScope();
        var projected = project.Forward(x, stream);
        return TemporalPool.GlobalMean(TemporalPool.SpatialMean(projected), stream, StreamKeys.HeadPrefix)
            .MoveToOuterDisposeScope();
    }

    /// <summary><see cref="Forward"/> in an exported model: pooled [B,P,1,1,1].</summary>
    public OnnxFeature ExportOnnx(OnnxGraph g, OnnxFeature x, OnnxStateGraph? state)
    {
        var projected = project.ExportOnnx(g, "head/project", x, state);
        var perFrame = projected with { Value = TemporalPool.ExportSpatialMean(g, "head/pool", projected.Value) };
        return perFrame with { Value = TemporalPool.ExportGlobalMean(g, "head/pool", perFrame, state, StreamKeys.HeadPrefix) };
    }

    public void AddInitialState(StreamState state, long batch, Device device) =>
        TemporalPool.AddInitial(state, StreamKeys.HeadPrefix, batch, _channels, device);

    public FeatureShape Describe(LayerTable table, FeatureShape input)
    {
        var projected = project.Describe(table, "head/project", input);
        var pooled = new FeatureShape(projected.C, 1, 1, 1);
        table.Add(new LayerSummary("head/pool", "global_pool", projected.C, projected.C, "-", "-",
            pooled.ToArray(), 0, 0));
        return pooled;
    }

    public void CollectTfVariables(string path, TfVariableCollector collector) =>
        project.CollectTfVariables(path + "/_project", collector);
}
