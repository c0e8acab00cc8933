namespace MovinetExp.Cli.Infrastructure;

/// <summary>
/// A table as plain text, columns padded with spaces and never wrapped: what a command prints when its
/// output goes to a pipe or file, where Spectre's tables wrap every cell at 80 columns and draw borders
/// that grep, cut and awk cannot use. One row per line, so `grep name` finds whole rows.
/// </summary>
internal sealed class PlainTable(params string[] headers)
{
    private readonly List<string[]> _rows = [headers];

    public PlainTable AddRow(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public void Write(TextWriter output)
    {
        int columns = _rows.Max(r => r.Length);
        var widths = Enumerable.Range(0, columns).Select(c => _rows.Max(r => c < r.Length ? r[c].Length : 0)).ToArray();
        foreach (var row in _rows)
        {
            // The last cell is not padded, so lines carry no trailing blanks.
            var cells = row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]));
            output.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }
}
