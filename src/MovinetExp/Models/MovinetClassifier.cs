using MovinetExp.Export;
using TorchSharp;
using MovinetExp.Common;
using static TorchSharp.torch;

namespace MovinetExp.Models;

/// <summary>
/// MoViNet backbone plus classifier head (TF MovinetClassifier): video [B,3,T,H,W] float32 RGB in
/// [0,1] → logits [B, NumClasses] (no softmax). Causal models can also be run chunk by chunk with
/// <see cref="Stream"/>, which gives the same logits as a whole-clip <see cref="forward"/>.
/// </summary>
public sealed class MovinetClassifier : nn.Module<Tensor, Tensor>
{
    private const string BackbonePath = "model/layer_with_weights-0";
    private const string HeadPath = "model/layer_with_weights-1";
    private const string HeadModuleName = "head";

    private readonly Movinet backbone;
    private ClassifierHead head;

    /// <summary>Builds a freshly initialised model; load weights through <see cref="TfVariables"/>.</summary>
    /// <exception cref="UsageException">The options are invalid.</exception>
    public MovinetClassifier(MovinetOptions options) : base(nameof(MovinetClassifier))
    {
        options.Validate();
        Options = options;
        backbone = new Movinet(options);
        head = new ClassifierHead(backbone.FeatureChannels, options);
        RegisterComponents();
    }

    /// <summary>The options the model was built with (NumClasses follows <see cref="ReplaceHead"/>).</summary>
    public MovinetOptions Options { get; private set; }

    /// <summary>The backbone; its forward returns pooled features [B,P].</summary>
    public Movinet Backbone => backbone;

    public ClassifierHead Head => head;

    /// <summary>Video [B,3,T,H,W] → logits [B,N].</summary>
    public override Tensor forward(Tensor video)
    {
        using var scope = NewDisposeScope();
        return head.forward(backbone.forward(video)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Swaps in a freshly initialised head for <paramref name="numClasses"/> classes (HeNormal hidden
    /// conv, normal(0.01) classifier, zero biases), on the backbone's device and in the current mode.
    /// </summary>
    public void ReplaceHead(int numClasses)
    {
        var options = Options with { NumClasses = numClasses };
        options.Validate();
        var fresh = new ClassifierHead(backbone.FeatureChannels, options);
        fresh.to(Device);
        fresh.train(training);
        _internal_submodules.Remove(HeadModuleName);
        register_module(HeadModuleName, fresh);
        head.Dispose();
        head = fresh;
        Options = options;
    }

    /// <summary>The all-zero stream state for clips of the given batch size and frame size
    /// (../shared/design/movinet-architecture.md §6.2).</summary>
    /// <exception cref="UsageException">The model is not causal.</exception>
    public StreamState InitStates(long batch, long height, long width)
    {
        RequireCausal();
        using var scope = NewDisposeScope();
        var state = new StreamState();
        backbone.AddInitialState(state, batch, height, width, Device);
        return state;
    }

    /// <summary>
    /// Runs one chunk [B,3,T≥1,H,W] of a clip: returns the logits for all frames seen so far and the
    /// next state. The input state is left untouched (the caller disposes both). Requires eval mode;
    /// runs without gradients.
    /// </summary>
    /// <exception cref="UsageException">The model is not causal (base models look at the whole clip).</exception>
    public (Tensor Logits, StreamState Next) Stream(Tensor chunk, StreamState state)
    {
        RequireCausal();
        if (training)
            throw new InvalidOperationException("Stream runs in eval mode; call eval() on the model first.");
        var next = new StreamState();
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var features = backbone.Forward(chunk, new StreamContext(state, next));
            return (head.forward(features).MoveToOuterDisposeScope(), next);
        }
        catch
        {
            next.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Adds this model's inference computation to <paramref name="g"/>: video [B,3,T,H,W] → logits [B,N]. A causal
    /// model reads and writes its stream state through <paramref name="state"/> (required for it); a base model has none.
    /// </summary>
    internal string ExportOnnx(OnnxGraph g, string video, OnnxStateGraph? state)
    {
        if (training) throw new InvalidOperationException("Export runs in eval mode; call eval() on the model first.");
        if (Options.Causal != state is not null)
            throw new InvalidOperationException("A causal model is exported with stream state, a base model without.");
        var features = backbone.ExportOnnx(g, new OnnxFeature(video, 3, 1), state);
        return head.ExportOnnx(g, features);
    }

    /// <summary>
    /// Every parameter and BN moving statistic with its TF object path (without
    /// "/.ATTRIBUTES/VARIABLE_VALUE"), TF shape and layout conversion: the contract with the checkpoint
    /// loader. Call again after moving the model to another device.
    /// </summary>
    public IReadOnlyList<TfVariable> TfVariables()
    {
        var collector = new TfVariableCollector();
        backbone.CollectTfVariables(BackbonePath, collector);
        collector.InHead = true;
        head.CollectTfVariables(HeadPath, collector);
        return collector.Variables;
    }

    /// <summary>Total (incl. BN statistics), trainable and head value counts.</summary>
    public ParameterCounts CountParameters() => ParameterCounts.From(TfVariables());

    /// <summary>Layer table for one clip of frames × height × width (batch 1), head included.</summary>
    internal IReadOnlyList<LayerSummary> DescribeLayers(long frames, long height, long width)
    {
        var table = new LayerTable();
        var pooled = backbone.Describe(table, new FeatureShape(3, frames, height, width));
        head.Describe(table, pooled);
        return table.Rows;
    }

    private Device Device => backbone.parameters().First().device;

    private void RequireCausal()
    {
        if (!Options.Causal)
            throw new UsageException(
                $"MoViNet {Options.ModelId} {EnumNames.Of(Options.Variant)} is not causal and cannot be " +
                "streamed: its convolutions and SE pooling look at the whole clip. Use the stream variant " +
                "(or a causal configuration), or run the whole clip with forward().");
    }
}
