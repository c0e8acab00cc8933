using System.Text.Json;
using System.Text.Json.Serialization;

namespace MovinetExp.Reporting;

/// <summary>
/// Contents of status.json: where the run stands, the last epoch whose checkpoint and history row were written
/// (null before the first epoch ends), an optional message (the error for a failed run), and when it was written.
/// </summary>
public sealed record RunStatus(RunState State, int? LastCompletedEpoch, string? Message, DateTime UpdatedUtc)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    /// <summary>The status.json text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options) + "\n";

    /// <summary>Parses status.json text; <paramref name="source"/> names the file in the error.</summary>
    /// <exception cref="Common.DataException">The text is not a valid status document.</exception>
    public static RunStatus Parse(string json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<RunStatus>(json, Options)
                ?? throw new JsonException("the document is null");
        }
        catch (JsonException ex)
        {
            throw new Common.DataException(
                $"{source} is not a valid run status file ({ex.Message}). It is written by the tool; delete it only if the run folder is abandoned.", ex);
        }
    }
}
