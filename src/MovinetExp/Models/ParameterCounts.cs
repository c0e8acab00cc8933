using System.Text.Json.Serialization;

namespace MovinetExp.Models;

/// <summary>Value counts of a model, as stored in a TF checkpoint
/// (../shared/design/movinet-architecture.md §4.1).</summary>
/// <param name="Total">All variables, including BN moving statistics.</param>
/// <param name="Trainable">Total minus the BN moving statistics.</param>
/// <param name="Head">Values of the classifier head (P→2048→N convs with biases).</param>
public sealed record ParameterCounts(
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("trainable")] long Trainable,
    [property: JsonPropertyName("head")] long Head)
{
    public static ParameterCounts From(IEnumerable<TfVariable> variables)
    {
        long total = 0, trainable = 0, head = 0;
        foreach (var v in variables)
        {
            total += v.Count;
            if (v.IsTrainable) trainable += v.Count;
            if (v.IsHead) head += v.Count;
        }

        return new ParameterCounts(total, trainable, head);
    }
}
