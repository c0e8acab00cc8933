using System.Text.Json.Serialization;
using MovinetExp.Common;
using MovinetExp.Data;

namespace MovinetExp.Benchmarks;

/// <summary>
/// One row of `bench --profile`: a loading stage's time and calls per clip of the cold load, summed over
/// the workers (so the rows can add up to more than the wall time per clip when workers overlap).
/// </summary>
public sealed record LoadStageFigure(
    [property: JsonPropertyName("stage")] string Stage,
    [property: JsonPropertyName("ms_per_clip")] double MsPerClip,
    [property: JsonPropertyName("calls_per_clip")] double CallsPerClip)
{
    /// <summary>Every stage of <paramref name="profile"/>, per clip of <paramref name="clips"/> loaded; stages spelt snake_case
    /// (gate_wait), as every other field the bench prints.</summary>
    public static IReadOnlyList<LoadStageFigure> From(LoadProfile profile, int clips) =>
        Enum.GetValues<LoadStage>().Select(stage => new LoadStageFigure(EnumNames.Of(stage),
            Math.Round(profile.Total(stage).TotalMilliseconds / clips, 3), Math.Round((double)profile.Calls(stage) / clips, 2))).ToArray();
}
