using System.Text;

namespace MovinetExp.IO;

/// <summary>
/// Minimal RFC 4180 CSV: fields containing a comma, quote or line break are quoted with inner quotes doubled;
/// rows end with "\n" (fixed, so output bytes do not depend on the platform).
/// </summary>
public static class Csv
{
    /// <summary>One field, quoted only when needed.</summary>
    public static string Escape(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";

    /// <summary>One row including its trailing "\n".</summary>
    public static string FormatRow(IEnumerable<string> fields) => string.Join(",", fields.Select(Escape)) + "\n";

    /// <summary>Parses CSV text into rows of fields (quoted fields may hold commas, quotes and line breaks).</summary>
    /// <exception cref="FormatException">A quoted field is not closed.</exception>
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool inQuotes = false, rowHasContent = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (inQuotes)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else inQuotes = false;
                continue;
            }
            switch (c)
            {
                case '"': inQuotes = true; rowHasContent = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); rowHasContent = true; break;
                case '\r': break;
                case '\n':
                    EndRow();
                    break;
                default: field.Append(c); rowHasContent = true; break;
            }
        }
        if (inQuotes) throw new FormatException("A quoted CSV field is not closed before the end of the text.");
        EndRow();
        return rows;

        void EndRow()
        {
            // Blank lines (including the one after the final "\n") are not rows.
            if (rowHasContent || field.Length > 0) { row.Add(field.ToString()); rows.Add(row.ToArray()); }
            row.Clear();
            field.Clear();
            rowHasContent = false;
        }
    }
}
