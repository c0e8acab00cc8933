using MovinetExp.Common;
using MovinetExp.Data.Sources;
using MovinetExp.Data.Video;

namespace MovinetExp.Data.Inspection;

/// <summary>
/// Probes every video under a dataset folder (codec, fps, both frame counts, size, truncation) and adds
/// them up per class and overall. A file that cannot be read becomes a problem row, never an exception,
/// so one bad file (a broken link, a truncated download) does not hide the state of the others.
/// </summary>
public static class FolderInspector
{
    /// <exception cref="DataException">The folder does not exist.</exception>
    public static FolderInspection Inspect(string folder, CancellationToken cancellation = default)
    {
        if (!Directory.Exists(folder))
            throw new DataException($"{folder}: no such folder. Pass a dataset folder with one sub-folder per class.");
        string root = Path.GetFullPath(folder);
        var tree = DirectoryWalk.Files(root);
        var rows = new List<InspectedFile>();
        foreach (string file in tree.Files.Where(f => !Path.GetFileName(f).StartsWith('.')))
        {
            cancellation.ThrowIfCancellationRequested();
            rows.Add(VideoFiles.IsVideo(file) ? Probe(root, file) : Row(root, file) with { Skipped = "not a video file" });
        }
        rows.AddRange(tree.Problems.Select(p => Row(root, p.Path) with { Problem = p.Reason }));
        rows.AddRange(tree.Skipped.Select(s => Row(root, s.Path) with { Skipped = s.Reason }));
        rows.Sort((a, b) => StringComparer.Ordinal.Compare(a.File, b.File));
        return new FolderInspection(root, rows, ClassTotalsOf(rows), TotalOf(rows));
    }

    private static InspectedFile Probe(string root, string file)
    {
        try
        {
            string? truncated = ContainerTruncation.Find(file);
            var info = VideoProbe.Inspect(file);
            return Row(root, file) with
            {
                Codec = info.FourCC, Fps = info.Fps, ReportedFrames = info.ReportedFrames, DecodableFrames = info.DecodableFrames,
                Width = info.Width, Height = info.Height, Seconds = info.DurationSeconds,
                Problem = truncated ?? (info.DecodableFrames == 0 ? "no decodable frames" : null),
            };
        }
        catch (Exception e) when (e is DataException or IOException or UnauthorizedAccessException)
        {
            return Row(root, file) with { Problem = e.Message };
        }
    }

    private static InspectedFile Row(string root, string path) =>
        new(Path.GetFileName(Path.GetDirectoryName(path)!), Path.GetRelativePath(root, path).Replace('\\', '/'));

    private static List<ClassTotals> ClassTotalsOf(IEnumerable<InspectedFile> rows) =>
        rows.Where(r => r.Skipped is null)
            .GroupBy(r => r.ClassName, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var usable = g.Where(r => r.IsUsable).ToList();
                return new ClassTotals(g.Key, usable.Count, g.Count(r => r.Problem is not null),
                    usable.Sum(r => (long)r.DecodableFrames!.Value), usable.Sum(r => r.Seconds ?? 0));
            })
            .ToList();

    private static InspectionTotals TotalOf(IReadOnlyList<InspectedFile> rows)
    {
        var usable = rows.Where(r => r.IsUsable).ToList();
        return new InspectionTotals(
            usable.Select(r => r.ClassName).Distinct(StringComparer.Ordinal).Count(), usable.Count,
            rows.Count(r => r.Problem is not null), rows.Count(r => r.Skipped is not null),
            usable.Sum(r => (long)r.DecodableFrames!.Value), usable.Sum(r => r.Seconds ?? 0));
    }
}
