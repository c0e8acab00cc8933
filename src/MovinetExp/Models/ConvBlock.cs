using MovinetExp.Export;
using MovinetExp.Numerics;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MovinetExp.Models;

/// <summary>
/// conv → BN → activation in one of the three factorisations (../shared/design/movinet-architecture.md §3.1). Spatial
/// "same" padding is computed from the actual input size for strided convs (asymmetric on even sizes, §5.1); stride-1
/// convs with odd kernels pad symmetrically, which the conv does itself. Temporal padding is symmetric for non-causal
/// models, and causal (zeros or the stream buffer before the chunk) otherwise.
/// </summary>
internal sealed class ConvBlock : nn.Module, ITfVariableSource
{
    private readonly Conv3d conv;
    private readonly TfBatchNorm? batch_norm;
    private readonly Conv3d? conv_temporal;
    private readonly TfBatchNorm? batch_norm_temporal;
    private readonly nn.Module<Tensor, Tensor> activation;

    private readonly ConvType _convType;
    private readonly bool _causal;
    private readonly bool _depthwise;
    private readonly Size3 _kernel;
    private readonly Size3 _stride;
    private readonly long _in;
    private readonly long _out;
    private readonly string? _streamKey;
    private readonly ActivationKind _activationKind;
    private readonly HardSigmoidKind _hardSigmoidKind;

    /// <param name="streamPrefix">State-name prefix of the owning layer; needed only when causal with t&gt;1.</param>
    public ConvBlock(long inChannels, long outChannels, Size3 kernel, Size3 stride, MovinetOptions options,
        ActivationKind activationKind, bool depthwise = false, bool useBias = false, bool useBatchNorm = true,
        string? streamPrefix = null) : base(nameof(ConvBlock))
    {
        if (depthwise && inChannels != outChannels)
            throw new ArgumentException("A depthwise conv keeps the channel count.");
        if (stride.T != 1)
            throw new ArgumentException("MoViNet never strides in time.");
        if (kernel.T % 2 == 0 || kernel.H % 2 == 0 || kernel.W % 2 == 0)
            throw new ArgumentException("MoViNet kernels have odd sizes; symmetric same padding relies on it.");
        _convType = options.ConvType;
        _causal = options.Causal;
        _depthwise = depthwise;
        _kernel = kernel;
        _stride = stride;
        _in = inChannels;
        _out = outChannels;
        long groups = depthwise ? inChannels : 1;

        bool factorised = IsFactorised;
        Size3 mainKernel = factorised ? kernel with { T = 1 } : kernel;
        conv = nn.Conv3d(inChannels, outChannels, (mainKernel.T, mainKernel.H, mainKernel.W),
            (stride.T, stride.H, stride.W), MainPadding(mainKernel), groups: groups, bias: useBias);
        if (useBatchNorm) batch_norm = new TfBatchNorm(outChannels, options);
        if (factorised)
        {
            conv_temporal = nn.Conv3d(outChannels, outChannels, (kernel.T, 1, 1), (1, 1, 1),
                (TemporalPadding(kernel.T), 0, 0), groups: depthwise ? outChannels : 1, bias: useBias);
            if (useBatchNorm) batch_norm_temporal = new TfBatchNorm(outChannels, options);
        }

        if (_causal && kernel.T > 1)
            _streamKey = StreamKeys.StreamBuffer(streamPrefix
                ?? throw new ArgumentException("A causal temporal conv needs a stream-state prefix."));
        _activationKind = activationKind;
        _hardSigmoidKind = options.HardSigmoidKind;
        activation = Activations.Create(activationKind, options.HardSigmoidKind);
        RegisterComponents();

        TfInitializers.HeNormal(conv.weight!);
        if (conv.bias is not null) TfInitializers.Zeros(conv.bias);
        if (conv_temporal is not null)
        {
            TfInitializers.HeNormal(conv_temporal.weight!);
            if (conv_temporal.bias is not null) TfInitializers.Zeros(conv_temporal.bias);
        }
    }

    /// <summary>Spatial conv then a separate temporal conv (2plus1d / 3d_2plus1d with t&gt;1).</summary>
    private bool IsFactorised => _convType != ConvType.Conv3d && _kernel.T > 1;

    internal Conv3d Conv => conv;

    public Tensor Forward(Tensor x, StreamContext? stream)
    {
        using var scope = NewDisposeScope();
        Tensor y = x;
        if (!IsFactorised && _causal && _kernel.T > 1) y = CausalFrames.Prepend(y, _kernel.T - 1, stream, _streamKey!);
        y = ConvolveAndNormalise(conv, batch_norm, PadStridedSpatial(y));
        y = activation.forward(y);
        if (conv_temporal is not null)
        {
            if (_causal) y = CausalFrames.Prepend(y, _kernel.T - 1, stream, _streamKey!);
            y = ConvolveAndNormalise(conv_temporal, batch_norm_temporal, y);
            y = activation.forward(y);
        }

        return y.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// <see cref="Forward"/> in an exported model: each conv with its batch norm folded into its weight and bias (one
    /// Conv node, exact up to float rounding), TF "same" padding of strided axes computed from the input's size, and
    /// causal frames from the state.
    /// </summary>
    public OnnxFeature ExportOnnx(OnnxGraph g, string scope, OnnxFeature x, OnnxStateGraph? state)
    {
        string y = x.Value;
        if (!IsFactorised && _causal && _kernel.T > 1) y = CausalFrames.ExportOnnx(g, scope, x with { Value = y }, _kernel.T - 1, RequireState(state), _streamKey!);
        y = ExportConvolution(g, scope, conv, batch_norm, ExportPadStridedSpatial(g, scope, y));
        y = Activations.ExportOnnx(g, scope, y, _activationKind, _hardSigmoidKind);
        var output = new OnnxFeature(y, _out, x.Scale * _stride.H);
        if (conv_temporal is not null)
        {
            if (_causal) y = CausalFrames.ExportOnnx(g, scope + "/temporal", output, _kernel.T - 1, RequireState(state), _streamKey!);
            y = ExportConvolution(g, scope + "/temporal", conv_temporal, batch_norm_temporal, y);
            output = output with { Value = Activations.ExportOnnx(g, scope + "/temporal", y, _activationKind, _hardSigmoidKind) };
        }

        return output;
    }

    private OnnxStateGraph RequireState(OnnxStateGraph? state) => state
        ?? throw new InvalidOperationException("A causal model is exported with its stream state (a whole clip starts from the zero state).");

    private static string ExportConvolution(OnnxGraph g, string scope, Conv3d convolution, TfBatchNorm? norm, string x)
    {
        using var tensors = NewDisposeScope();
        using var noGrad = no_grad();
        var (weight, bias) = norm is null ? (convolution.weight!, convolution.bias) : norm.Fold(convolution.weight!, convolution.bias);
        long[] padding = convolution.padding!.ToArray();
        return g.Conv(scope, x, g.Weight(scope + "/weight", weight), bias is null ? null : g.Weight(scope + "/bias", bias),
            weight.shape[2..], convolution.stride.ToArray(), [.. padding, .. padding], convolution.groups);
    }

    private string ExportPadStridedSpatial(OnnxGraph g, string scope, string x)
    {
        if (_stride.H == 1 && _stride.W == 1) return x;
        var (top, bottom) = TfSamePadding.ExportOnnx(g, scope + "/pad", g.Dimension(scope, x, 3), _kernel.H, _stride.H);
        var (left, right) = TfSamePadding.ExportOnnx(g, scope + "/pad", g.Dimension(scope, x, 4), _kernel.W, _stride.W);
        var none = g.Int64s(0, 0, 0);
        var pads = g.Concat(scope + "/pad", 0, none, top, left, none, bottom, right);
        return g.Node("Pad", scope, [x, pads], OnnxGraph.Attribute("mode", "constant"));
    }

    /// <summary>Adds this conv's zero stream buffer for an input of spatial size h×w.</summary>
    // In inference, large activations get the batch norm folded into the convolution (same values up to
    // rounding, one pass and one big allocation fewer: A0 batch inference peaks at 0.9 GB instead of 1.4).
    // Small ones (streaming a frame, late layers) do not: folding costs a handful of small ops per call,
    // which measured slower than the pass it saves there (stream_frame 13 vs 12 ms). 2^17 elements per
    // clip is the old 2^20 per batch of 8.
    private const long FoldFromElementsPerSample = 1 << 17;

    // Decided per sample, not per batch, so a batch-1 pass runs the same problems as a batch-8 one.
    private static Tensor ConvolveAndNormalise(Conv3d convolution, TfBatchNorm? norm, Tensor x) =>
        norm is null ? Convolve(convolution, x, convolution.weight!, convolution.bias)
        : norm.training || x.numel() / x.shape[0] < FoldFromElementsPerSample ? norm.forward(Convolve(convolution, x, convolution.weight!, convolution.bias))
        : norm.FoldedInto(convolution.weight!, convolution.bias, (weight, bias) => Convolve(convolution, x, weight, bias));

    private static Tensor Convolve(Conv3d convolution, Tensor x, Tensor weight, Tensor? bias) =>
        Conv3dOp.Apply(x, weight, bias, convolution.stride!, convolution.padding!, convolution.groups);

    public void AddInitialState(StreamState state, long batch, long height, long width, Device device)
    {
        if (_streamKey is null) return;
        // 2+1D buffers sit after the (strided) spatial conv, 3D buffers before the conv
        // (../shared/design/movinet-architecture.md §6.1).
        long[] shape = IsFactorised
            ? new[] { batch, _out, _kernel.T - 1, TfSamePadding.OutputSize(height, _stride.H), TfSamePadding.OutputSize(width, _stride.W) }
            : new[] { batch, _in, _kernel.T - 1, height, width };
        CausalFrames.AddInitial(state, _streamKey, shape, device);
    }

    public FeatureShape Describe(LayerTable table, string name, FeatureShape input)
    {
        var output = new FeatureShape(_out, input.T,
            TfSamePadding.OutputSize(input.H, _stride.H), TfSamePadding.OutputSize(input.W, _stride.W));
        long groups = _depthwise ? _in : 1;
        if (conv_temporal is null)
        {
            AddRow(table, name, conv, _kernel, _stride, output, groups);
        }
        else
        {
            AddRow(table, name + "/spatial", conv, _kernel with { T = 1 }, _stride, output, groups);
            AddRow(table, name + "/temporal", conv_temporal, new Size3(_kernel.T, 1, 1), Size3.One, output,
                _depthwise ? _out : 1);
        }

        return output;
    }

    public void CollectTfVariables(string path, TfVariableCollector collector)
    {
        CollectConv(path + "/_conv", conv, _kernel.H, _kernel.W, collector);
        if (batch_norm is not null) batch_norm.CollectTfVariables(path + "/_batch_norm", collector);
        if (conv_temporal is not null) CollectConv(path + "/_conv_temporal", conv_temporal, _kernel.T, 1, collector);
        if (batch_norm_temporal is not null)
            batch_norm_temporal.CollectTfVariables(path + "/_batch_norm_temporal", collector);
    }

    /// <summary>TF variable names and shapes of one conv (../shared/design/movinet-architecture.md §9.4, §9.5): Conv3D
    /// kernels for 3d and 3d_2plus1d; Conv2D / DepthwiseConv2D kernels, wrapped in one more "_conv", for 2plus1d, whose
    /// two kernel axes are (h, w) for the spatial conv and (t, 1) for the temporal conv.</summary>
    private void CollectConv(string path, Conv3d c, long a, long b, TfVariableCollector collector)
    {
        long[] shape = c.weight!.shape;
        if (_convType == ConvType.TwoPlusOneD)
        {
            path += "/_conv";
            if (_depthwise) collector.Parameter(path + "/depthwise_kernel", c.weight, TfLayout.DepthwiseConv2dKernel(a, b, shape));
            else collector.Parameter(path + "/kernel", c.weight, TfLayout.Conv2dKernel(a, b, shape));
        }
        else
        {
            collector.Parameter(path + "/kernel", c.weight, TfLayout.Conv3dKernel(shape));
        }

        if (c.bias is not null) collector.Parameter(path + "/bias", c.bias, TfLayout.Identity(c.bias.shape));
    }

    private static void AddRow(LayerTable table, string name, Conv3d c, Size3 kernel, Size3 stride,
        FeatureShape output, long groups)
    {
        long inPerGroup = c.weight!.shape[1];
        long parameters = c.weight.numel() + (c.bias?.numel() ?? 0);
        string kind = groups > 1 ? "depthwise_conv" : "conv";
        table.Add(new LayerSummary(name, kind, inPerGroup * groups, output.C, kernel.ToString(),
            stride.ToString(), output.ToArray(), parameters,
            output.Elements * inPerGroup * kernel.T * kernel.H * kernel.W));
    }

    /// <summary>Padding the conv applies itself: symmetric in time (non-causal) and, when not strided,
    /// symmetric in space; strided spatial axes are padded explicitly at run time.</summary>
    private (long, long, long) MainPadding(Size3 kernel) => (
        TemporalPadding(kernel.T),
        _stride.H == 1 ? kernel.H / 2 : 0,
        _stride.W == 1 ? kernel.W / 2 : 0);

    private long TemporalPadding(int t) => _causal ? 0 : t / 2;

    private Tensor PadStridedSpatial(Tensor x)
    {
        if (_stride.H == 1 && _stride.W == 1) return x;
        var (top, bottom) = TfSamePadding.Compute(x.shape[3], _kernel.H, _stride.H);
        var (left, right) = TfSamePadding.Compute(x.shape[4], _kernel.W, _stride.W);
        return nn.functional.pad(x, new[] { left, right, top, bottom });
    }
}
