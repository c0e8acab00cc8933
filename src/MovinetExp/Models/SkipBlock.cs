using MovinetExp.Export;
using static TorchSharp.torch;

namespace MovinetExp.Models;

/// <summary>
/// The shortcut of a block layer whose width or resolution changes (../shared/design/movinet-architecture.md
/// §3.3 step 6): [TF-same average pool 1×3×3 stride 1×2×2 when strided] → 1×1×1 conv → BN (no activation).
/// Acts on every frame separately, so it needs no stream state.
/// </summary>
internal sealed class SkipBlock : nn.Module, ITfVariableSource
{
    private const int PoolKernel = 3;

    private readonly ConvBlock projection;
    private readonly Size3 _stride;

    public SkipBlock(long inChannels, long outChannels, Size3 stride, MovinetOptions options) : base(nameof(SkipBlock))
    {
        _stride = stride;
        projection = new ConvBlock(inChannels, outChannels, Size3.One, Size3.One, options, ActivationKind.Identity);
        RegisterComponents();
    }

    private bool Pools => _stride != Size3.One;

    public Tensor Forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var pooled = Pools ? TfSameAvgPool.Apply(x, PoolKernel, _stride.H) : x;
        return projection.Forward(pooled, null).MoveToOuterDisposeScope();
    }

    public OnnxFeature ExportOnnx(OnnxGraph g, string scope, OnnxFeature x)
    {
        var pooled = Pools ? TfSameAvgPool.ExportOnnx(g, scope + "/pool", x, PoolKernel, _stride.H) : x;
        return projection.ExportOnnx(g, scope + "/projection", pooled, null);
    }

    public FeatureShape Describe(LayerTable table, string name, FeatureShape input)
    {
        var shape = input;
        if (Pools)
        {
            shape = input with
            {
                H = TfSamePadding.OutputSize(input.H, _stride.H), W = TfSamePadding.OutputSize(input.W, _stride.W),
            };
            table.Add(new LayerSummary(name + "/pool", "avg_pool", input.C, input.C,
                new Size3(1, PoolKernel, PoolKernel).ToString(), _stride.ToString(), shape.ToArray(), 0, 0));
        }

        return projection.Describe(table, name + "/projection", shape);
    }

    public void CollectTfVariables(string path, TfVariableCollector collector) =>
        projection.CollectTfVariables(path + "/_projection", collector);
}
