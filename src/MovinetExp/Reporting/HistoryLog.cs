using System.Globalization;
using System.Text;
using MovinetExp.Common;
using MovinetExp.IO;

namespace MovinetExp.Reporting;

/// <summary>
/// history.csv, one row per finished epoch. Each append rewrites the (small) file atomically and flushes it to
/// disk, so after a crash the file holds exactly the epochs that finished. Numbers are invariant-culture
/// round-trip ("R"), so identical runs write identical bytes apart from the seconds and memory columns.
/// Columns are only ever appended, so readers that take columns by name or by position keep working, and
/// files written before a column existed still read (the missing values are null).
/// </summary>
public sealed class HistoryLog
{
    /// <summary>The header line's fields, in column order.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["epoch", "train_loss", "train_accuracy", "val_loss", "val_accuracy", "lr", "seconds",
         "peak_rss_mb_train", "peak_rss_mb_bn_recompute", "peak_rss_mb_eval"];

    /// <summary>The columns every version wrote; older files end after them.</summary>
    private const int FirstVersionColumns = 7;

    private readonly List<HistoryRow> _rows;

    private HistoryLog(string path, List<HistoryRow> rows)
    {
        Path = path;
        _rows = rows;
    }

    /// <summary>The history.csv path.</summary>
    public string Path { get; }

    /// <summary>Rows in epoch order.</summary>
    public IReadOnlyList<HistoryRow> Rows => _rows;

    /// <summary>Opens a history file, loading its rows if it exists (resume), or starts an empty one.</summary>
    public static HistoryLog Open(string path) => new(path, File.Exists(path) ? Read(path).ToList() : []);

    /// <summary>Adds the row for the epoch that just ended and writes the file.</summary>
    /// <exception cref="ArgumentException">The epoch does not follow the last recorded epoch.</exception>
    public void Append(HistoryRow row)
    {
        int expected = _rows.Count == 0 ? row.Epoch : _rows[^1].Epoch + 1;
        if (row.Epoch != expected || row.Epoch < 1)
            throw new ArgumentException($"History row for epoch {row.Epoch} does not follow epoch {(_rows.Count == 0 ? 0 : _rows[^1].Epoch)}.", nameof(row));
        _rows.Add(row);
        Save();
    }

    /// <summary>
    /// Drops rows after <paramref name="lastEpoch"/> and writes the file: used when resuming from a checkpoint
    /// older than the last history row, so the resumed epochs are not recorded twice.
    /// </summary>
    public void TruncateAfter(int lastEpoch)
    {
        _rows.RemoveAll(r => r.Epoch > lastEpoch);
        Save();
    }

    /// <summary>Reads all rows of a history.csv.</summary>
    /// <exception cref="DataException">The file's header or a value is not what this class writes.</exception>
    public static IReadOnlyList<HistoryRow> Read(string path)
    {
        List<string[]> lines = Csv.Parse(File.ReadAllText(path));
        if (lines.Count == 0 || lines[0].Length < FirstVersionColumns || lines[0].Length > Columns.Count || !lines[0].SequenceEqual(Columns.Take(lines[0].Length)))
            throw new DataException($"{path}: the first line must be the header '{string.Join(",", Columns)}' (or its first {FirstVersionColumns} fields, as older versions wrote). The file is written by the tool; restore it or start a new run.");
        int columns = lines[0].Length;
        var rows = new List<HistoryRow>(lines.Count - 1);
        for (int i = 1; i < lines.Count; i++)
            rows.Add(ParseRow(lines[i], columns, path, lineNumber: i + 1));
        return rows;
    }

    private void Save()
    {
        var text = new StringBuilder(Csv.FormatRow(Columns));
        foreach (HistoryRow r in _rows)
            text.Append(Csv.FormatRow([
                r.Epoch.ToString(CultureInfo.InvariantCulture), Format(r.TrainLoss), Format(r.TrainAccuracy),
                Format(r.ValLoss), Format(r.ValAccuracy), Format(r.LearningRate), Format(r.Seconds),
                Format(r.PeakRssMbTrain), Format(r.PeakRssMbBnRecompute), Format(r.PeakRssMbEval)]));
        AtomicFile.WriteAllText(Path, text.ToString());
    }

    private static string Format(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static HistoryRow ParseRow(string[] fields, int columns, string path, int lineNumber)
    {
        if (fields.Length != columns)
            throw new DataException($"{path} line {lineNumber}: expected {columns} values, found {fields.Length}.");
        int epoch = int.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int e)
            ? e : throw Bad(0);
        return new HistoryRow(epoch, Required(1), Required(2), Optional(3), Optional(4), Required(5), Required(6),
            Optional(7), Optional(8), Optional(9));

        double Required(int column) => Optional(column) ?? throw Bad(column);

        double? Optional(int column)
        {
            if (column >= columns || fields[column].Length == 0) return null;
            return double.TryParse(fields[column], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : throw Bad(column);
        }

        DataException Bad(int column) =>
            new($"{path} line {lineNumber}: '{fields[column]}' is not a valid {Columns[column]} value.");
    }
}
