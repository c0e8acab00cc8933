using System.Globalization;
using System.Text;
using MovinetExp.IO;

namespace MovinetExp.Reporting;

/// <summary>
/// confusion_matrix.csv: the header row holds "true\predicted" then the predicted class names; each following
/// row starts with the true class name followed by its counts.
/// </summary>
public static class ConfusionMatrixCsv
{
    /// <summary>The top-left header cell.</summary>
    public const string Corner = "true\\predicted";

    /// <summary>Atomically writes the CSV.</summary>
    public static void Write(string path, int[,] matrix, IReadOnlyList<string> classNames) =>
        AtomicFile.WriteAllText(path, Format(matrix, classNames));

    /// <summary>The CSV text that <see cref="Write"/> stores.</summary>
    public static string Format(int[,] matrix, IReadOnlyList<string> classNames)
    {
        int n = classNames.Count;
        if (matrix.GetLength(0) != n || matrix.GetLength(1) != n)
            throw new ArgumentException($"A {matrix.GetLength(0)}x{matrix.GetLength(1)} matrix does not match {n} class names.", nameof(matrix));
        var text = new StringBuilder(Csv.FormatRow(classNames.Prepend(Corner)));
        for (int t = 0; t < n; t++)
        {
            IEnumerable<string> counts = Enumerable.Range(0, n).Select(p => matrix[t, p].ToString(CultureInfo.InvariantCulture));
            text.Append(Csv.FormatRow(counts.Prepend(classNames[t])));
        }
        return text.ToString();
    }
}
