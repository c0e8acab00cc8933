using System.Text.Json.Serialization;

namespace MovinetExp.Checkpoints.Format;

/// <summary>
/// One line of a checkpoint listing. Serializes as <c>{"key","dtype","shape","sum"}</c> (plus
/// <c>"unavailable"</c> when the values could not be read).
/// </summary>
/// <param name="Key">Tensor key.</param>
/// <param name="DType">dtype name: float32, float64, float16, bfloat16, int32, int64, bool, string, variant, ...</param>
/// <param name="Shape">Dimensions, outermost first.</param>
/// <param name="Sum">float64 sum of the elements for numeric tensors; null for string/variant or when unreadable.</param>
/// <param name="Unavailable">Why the values could not be read ("unavailable: ..."), or null.</param>
public sealed record TensorSummary(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("dtype")] string DType,
    [property: JsonPropertyName("shape")] long[] Shape,
    [property: JsonPropertyName("sum")] double? Sum,
    [property: JsonPropertyName("unavailable"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Unavailable = null);
