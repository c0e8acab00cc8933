using System.Globalization;
using System.Text.RegularExpressions;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Checkpoints.Format;

/// <summary>One row of a per-fixture table in shared/fixtures/tf-checkpoints/README.md.</summary>
public sealed record FixtureTensorRow(
    string Folder, string PrefixName, string Key, int DTypeValue, long[] Shape, int Shard, long Offset, long Size,
    uint MaskedCrc, string Sum, string Values)
{
    public string Prefix => Path.Combine(TestPaths.CheckpointFixtures, Folder, PrefixName);

    public override string ToString() => $"{Folder}: {Key}";
}

/// <summary>
/// Parses the genuine, independently produced listings of the fixture README (written by a separate
/// Python decoder) so that tests compare every tensor of every fixture against them.
/// </summary>
public static partial class FixtureReadme
{
    private static readonly Lazy<IReadOnlyList<FixtureTensorRow>> AllRows = new(Parse);

    public static IReadOnlyList<FixtureTensorRow> Rows => AllRows.Value;

    public static IEnumerable<FixtureTensorRow> RowsOf(string folder) => Rows.Where(r => r.Folder == folder);

    [GeneratedRegex(@"^### \d+\. `([^/`]+)/([^`]+)`")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"\((\d+)\)")]
    private static partial Regex DTypeNumber();

    private static IReadOnlyList<FixtureTensorRow> Parse()
    {
        var rows = new List<FixtureTensorRow>();
        string? folder = null, prefix = null;
        string[]? header = null;
        foreach (string line in File.ReadLines(Path.Combine(TestPaths.CheckpointFixtures, "README.md")))
        {
            var heading = SectionHeading().Match(line);
            if (heading.Success)
            {
                (folder, prefix, header) = (heading.Groups[1].Value, heading.Groups[2].Value, null);
                continue;
            }
            if (folder is null || !line.StartsWith('|'))
            {
                header = null;
                continue;
            }
            string[] cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim().Trim('`')).ToArray();
            if (cells[0] == "key") { header = cells; continue; }
            if (header is null || cells[0].StartsWith("---", StringComparison.Ordinal)) continue;
            string Cell(string name) => Array.IndexOf(header, name) is int i and >= 0 ? cells[i] : "";
            rows.Add(new FixtureTensorRow(
                folder, prefix!, cells[0],
                int.Parse(DTypeNumber().Match(Cell("dtype")).Groups[1].Value, CultureInfo.InvariantCulture),
                ParseShape(Cell("shape")),
                Cell("shard") is { Length: > 0 } shard ? int.Parse(shard, CultureInfo.InvariantCulture) : 0,
                long.Parse(Cell("offset"), CultureInfo.InvariantCulture),
                long.Parse(Cell("size"), CultureInfo.InvariantCulture),
                Convert.ToUInt32(header.FirstOrDefault(h => h.StartsWith("crc32c", StringComparison.Ordinal)) is { } crcColumn ? Cell(crcColumn) : "", 16),
                Cell("sum"),
                Cell("first values") is { Length: > 0 } first ? first : Cell("value (shard 0 only)")));
        }
        return rows;
    }

    private static long[] ParseShape(string text) =>
        text.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => long.Parse(d, CultureInfo.InvariantCulture)).ToArray();
}
