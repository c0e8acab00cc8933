using MovinetExp.Common;
using MovinetExp.IO;

namespace MovinetExp.Data.Sources;

/// <summary>
/// A CSV list with a header: <c>path,label</c> where label is the class name, and an optional
/// <c>split</c> column (train/val/test) that predefines the splits. Relative paths are relative to
/// the CSV file's folder. Fields may be double-quoted (for commas in paths).
/// </summary>
public static class CsvListSource
{
    /// <summary>Reads the CSV, then selects classes and files as <paramref name="request"/> says.</summary>
    public static DatasetSplits Load(string csvPath, SplitRequest request)
    {
        var lines = ListFileLines.Read(csvPath).ToList();
        if (lines.Count == 0) throw new DataException($"CSV list '{csvPath}' is empty; expected a header 'path,label'.");
        string root = Path.GetDirectoryName(Path.GetFullPath(csvPath))!;
        var header = SplitFields(lines[0].Line, csvPath, lines[0].Number).Select(h => h.Trim().ToLowerInvariant()).ToList();
        int pathCol = header.IndexOf("path"), labelCol = header.IndexOf("label"), splitCol = header.IndexOf("split");
        if (pathCol < 0 || labelCol < 0)
            throw new DataException($"{csvPath} line {lines[0].Number}: header must name columns 'path' and 'label' (optional 'split'), found '{TextExcerpt.Of(lines[0].Line)}'.");

        var candidates = new List<VideoCandidate>();
        var excluded = new List<ExcludedFile>();
        foreach (var (line, number) in lines.Skip(1))
        {
            var fields = SplitFields(line, csvPath, number);
            if (fields.Length != header.Count)
                throw new DataException($"{csvPath} line {number}: expected {header.Count} fields like the header, found {fields.Length}.");
            string file = Path.GetFullPath(Path.Combine(root, fields[pathCol]));
            string className = fields[labelCol].Trim();
            if (className.Length == 0) throw new DataException($"{csvPath} line {number}: empty label.");
            SplitName? partition = splitCol < 0 ? null : ParseSplit(fields[splitCol], csvPath, number);
            if (!File.Exists(file)) excluded.Add(new ExcludedFile(file, $"listed in {Path.GetFileName(csvPath)} line {number} but missing"));
            else if (!VideoFiles.IsVideo(file)) excluded.Add(new ExcludedFile(file, "not a video file extension"));
            else candidates.Add(new VideoCandidate(file, className, partition));
        }
        return SplitSelector.Select(root, candidates, excluded, request, $"CSV list '{csvPath}'");
    }

    private static SplitName ParseSplit(string value, string csvPath, int number) => value.Trim().ToLowerInvariant() switch
    {
        "train" => SplitName.Train,
        "val" or "validation" => SplitName.Val,
        "test" => SplitName.Test,
        _ => throw new DataException($"{csvPath} line {number}: split '{TextExcerpt.Of(value)}' must be train, val or test."),
    };

    /// <summary>Splits one CSV line; a double-quoted field may hold commas and doubled quotes ("").</summary>
    private static string[] SplitFields(string line, string csvPath, int number)
    {
        // One non-blank line without line breaks (ListFileLines), so the parse yields exactly one row.
        try { return Csv.Parse(line).Single(); }
        catch (FormatException) { throw new DataException($"{csvPath} line {number}: unterminated quoted field."); }
    }
}
