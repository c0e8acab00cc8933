using MovinetExp.Export;
using static TorchSharp.torch;

namespace MovinetExp.Models;

/// <summary>The stem (../shared/design/movinet-architecture.md §3.2): 1×3×3 conv, spatial stride 2, BN, activation;
/// t = 1, so no stream state.</summary>
internal sealed class Stem : nn.Module, ITfVariableSource
{
    private readonly ConvBlock stem;

    public Stem(ArchitectureSpec spec, MovinetOptions options) : base(nameof(Stem))
    {
        stem = new ConvBlock(3, spec.StemFilters, ArchitectureSpec.StemKernel, ArchitectureSpec.StemStride, options,
            options.Activation, streamPrefix: StreamKeys.StemPrefix);
        RegisterComponents();
    }

    public Tensor Forward(Tensor x, StreamContext? stream) => stem.Forward(x, stream);

    public OnnxFeature ExportOnnx(OnnxGraph g, OnnxFeature x, OnnxStateGraph? state) => stem.ExportOnnx(g, "stem", x, state);

    public FeatureShape Describe(LayerTable table, FeatureShape input) => stem.Describe(table, "stem", input);

    public void CollectTfVariables(string path, TfVariableCollector collector) =>
        stem.CollectTfVariables(path + "/_stem", collector);
}
