using MovinetExp.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MovinetExp.Models;

/// <summary>
/// The classifier (../shared/design/movinet-architecture.md §3.6): 1×1×1 conv P→2048 with bias and activation, dropout
/// (training only), 1×1×1 conv 2048→N with bias, squeezed to logits [B, N]. No softmax.
/// </summary>
public sealed class ClassifierHead : nn.Module<Tensor, Tensor>
{
    private readonly ConvBlock head;
    private readonly Dropout dropout;
    private readonly ConvBlock classifier;

    /// <summary>A freshly initialised head: HeNormal hidden conv, normal(0.01) classifier, zero biases.</summary>
    public ClassifierHead(long inChannels, MovinetOptions options) : base(nameof(ClassifierHead))
    {
        int hidden = options.Architecture.HeadFilters;
        NumClasses = options.NumClasses;
        head = new ConvBlock(inChannels, hidden, Size3.One, Size3.One, options, options.HeadActivation,
            useBias: true, useBatchNorm: false);
        dropout = nn.Dropout(options.Dropout);
        classifier = new ConvBlock(hidden, options.NumClasses, Size3.One, Size3.One, options, ActivationKind.Identity,
            useBias: true, useBatchNorm: false);
        RegisterComponents();
        TfInitializers.Normal(classifier.Conv.weight!, 0.01);
    }

    /// <summary>Width of the logits.</summary>
    public int NumClasses { get; }

    /// <summary>Pooled features [B,P] (or [B,P,1,1,1]) → logits [B,N].</summary>
    public override Tensor forward(Tensor features)
    {
        using var scope = NewDisposeScope();
        var x = features.dim() == 2 ? features.view(features.shape[0], features.shape[1], 1, 1, 1) : features;
        x = head.Forward(x, null);
        x = dropout.forward(x);
        x = classifier.Forward(x, null);
        return x.flatten(1).MoveToOuterDisposeScope();
    }

    /// <summary><see cref="forward"/> in an exported model (inference: no dropout): pooled [B,P,1,1,1] → logits [B,N].</summary>
    internal string ExportOnnx(OnnxGraph g, OnnxFeature features)
    {
        var hidden = head.ExportOnnx(g, "classifier_head/head", features, null);
        var logits = classifier.ExportOnnx(g, "classifier_head/classifier", hidden, null);
        return g.Node("Flatten", "classifier_head", [logits.Value], OnnxGraph.Attribute("axis", 1L));
    }

    internal FeatureShape Describe(LayerTable table, FeatureShape input)
    {
        var hidden = head.Describe(table, "classifier_head/head", input);
        return classifier.Describe(table, "classifier_head/classifier", hidden);
    }

    internal void CollectTfVariables(string path, TfVariableCollector collector)
    {
        head.CollectTfVariables(path + "/_head", collector);
        classifier.CollectTfVariables(path + "/_classifier", collector);
    }
}
