using System.Text.Json;
using System.Text.Json.Serialization;

namespace MovinetExp.Training;

/// <summary>
/// Where training stands after a finished epoch. Every random stream in training is keyed by
/// (seed, epoch), so the seed and the epoch number are the whole random-generator state.
/// </summary>
public sealed record EpochState
{
    [JsonPropertyName("epoch")] public int Epoch { get; init; }
    [JsonPropertyName("global_step")] public long GlobalStep { get; init; }
    [JsonPropertyName("seed")] public int Seed { get; init; }
    [JsonPropertyName("best_epoch")] public int BestEpoch { get; init; }
    [JsonPropertyName("best_val_accuracy")] public double? BestValAccuracy { get; init; }
    [JsonPropertyName("epochs_without_improvement")] public int EpochsWithoutImprovement { get; init; }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static EpochState FromJson(string json) =>
        JsonSerializer.Deserialize<EpochState>(json) ?? throw new InvalidDataException("empty epoch state");
}
