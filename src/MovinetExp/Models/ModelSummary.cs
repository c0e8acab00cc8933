using System.Text.Json.Serialization;
using MovinetExp.Common;

namespace MovinetExp.Models;

/// <summary>
/// What a model is made of for a given input: value counts, multiply-accumulates, TF variables and a
/// per-layer table. Serialises (System.Text.Json) to
/// {"model","variant","num_classes","parameters":{"total","trainable","head"},"macs","variables":[{"name","shape"}]};
/// the layer table and input size are for text output only.
/// </summary>
public sealed record ModelSummary(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("variant")] string Variant,
    [property: JsonPropertyName("num_classes")] int NumClasses,
    [property: JsonPropertyName("parameters")] ParameterCounts Parameters,
    [property: JsonPropertyName("macs")] long Macs,
    [property: JsonPropertyName("variables")] IReadOnlyList<VariableSummary> Variables,
    [property: JsonIgnore] IReadOnlyList<LayerSummary> Layers,
    [property: JsonIgnore] int Frames,
    [property: JsonIgnore] int Resolution)
{
    /// <summary>
    /// Builds the model on the CPU and traces one clip of <paramref name="frames"/> ×
    /// <paramref name="resolution"/>² (batch 1) through its layer shapes; no forward pass is run.
    /// MACs count convolutions only (BN folds into them at inference; activations and pools are
    /// not multiply-accumulates).
    /// </summary>
    /// <exception cref="UsageException">Bad model id, options, frame count or resolution.</exception>
    public static ModelSummary Build(MovinetOptions options, int frames, int resolution)
    {
        if (frames < 1 || resolution < 1)
            throw new UsageException(
                $"A model summary needs at least 1 frame and 1 pixel (got {frames} frames at {resolution} px).");
        using var model = new MovinetClassifier(options);
        var variables = model.TfVariables();
        var layers = model.DescribeLayers(frames, resolution, resolution);
        return new ModelSummary(
            options.ModelId,
            EnumNames.Of(options.Variant),
            options.NumClasses,
            ParameterCounts.From(variables),
            layers.Sum(l => l.Macs),
            variables.Select(v => new VariableSummary(v.Path, v.TfShape.ToArray())).ToArray(),
            layers,
            frames,
            resolution);
    }
}

/// <summary>A TF variable's object path and shape.</summary>
public sealed record VariableSummary(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("shape")] long[] Shape);
