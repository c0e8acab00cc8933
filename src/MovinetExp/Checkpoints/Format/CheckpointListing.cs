using System.Text.Json.Serialization;

namespace MovinetExp.Checkpoints.Format;

/// <summary>Every tensor of a checkpoint, in key order; serializes as <c>{"tensors":[...]}</c>.</summary>
/// <param name="Prefix">Resolved checkpoint prefix.</param>
/// <param name="Tensors">One summary per tensor.</param>
public sealed record CheckpointListing(
    [property: JsonIgnore] string Prefix,
    [property: JsonPropertyName("tensors")] IReadOnlyList<TensorSummary> Tensors);
