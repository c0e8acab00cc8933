using MovinetExp.Common;
using MovinetExp.IO;

namespace MovinetExp.Reporting;

/// <summary>One named accuracy figure, e.g. "pretrained head, frozen backbone" = 0.83, with an optional note.</summary>
public sealed record ComparisonEntry(string Name, double Accuracy, string? Note = null);

/// <summary>
/// comparison.json: accuracy figures to set beside this run in the report's transfer-learning section
/// (for example training from scratch vs fine-tuning vs the TF tutorial's published figure).
/// </summary>
public sealed record TransferComparison(string Title, IReadOnlyList<ComparisonEntry> Entries)
{
    /// <summary>Atomically writes comparison.json.</summary>
    public void Write(string path) => SnakeCaseJson.Write(path, this);

    /// <exception cref="DataException">The file is not a comparison record.</exception>
    public static TransferComparison Read(string path) => SnakeCaseJson.Read<TransferComparison>(path,
        "Expected {\"title\": ..., \"entries\": [{\"name\": ..., \"accuracy\": ..., \"note\": ...}]}.");
}
