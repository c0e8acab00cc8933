using System.Text.Encodings.Web;
using System.Text.Json;
using MovinetExp.Common;

namespace MovinetExp.Reporting;

/// <summary>One named accuracy figure, e.g. "pretrained head, frozen backbone" = 0.83, with an optional note.</summary>
public sealed record ComparisonEntry(string Name, double Accuracy, string? Note = null);

/// <summary>
/// comparison.json: accuracy figures to set beside this run in the report's transfer-learning section
/// (for example training from scratch vs fine-tuning vs the TF tutorial's published figure).
/// </summary>
public sealed record TransferComparison(string Title, IReadOnlyList<ComparisonEntry> Entries)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Atomically writes comparison.json.</summary>
    public void Write(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Options) + "\n");

    /// <exception cref="DataException">The file is not a comparison record.</exception>
    public static TransferComparison Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<TransferComparison>(File.ReadAllText(path), Options)
                ?? throw new JsonException("the document is null");
        }
        catch (JsonException ex)
        {
            throw new DataException($"{path} is not a valid comparison file ({ex.Message}). Expected {{\"title\": ..., \"entries\": [{{\"name\": ..., \"accuracy\": ...}}]}}.", ex);
        }
    }
}
