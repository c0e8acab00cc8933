using MovinetExp.Common;

namespace MovinetExp.Data.Sources;

/// <summary>
/// A dataset laid out as folders: <c>root/&lt;Class&gt;/*.avi</c> (one pool, split by the request), or
/// <c>root/train|val|test/&lt;Class&gt;/*.avi</c> (the folders define the splits; val may be absent and is
/// then carved from train). Videos may sit in subfolders of a class folder; links are followed, each real
/// folder once (see <see cref="DirectoryWalk"/>), and links that cannot be resolved are excluded with the reason.
/// </summary>
public static class FolderSource
{
    private static readonly string[] PartitionFolders = ["train", "val", "test"];

    /// <summary>Lists the folder, then selects classes and files as <paramref name="request"/> says.</summary>
    public static DatasetSplits Load(string root, SplitRequest request)
    {
        if (!Directory.Exists(root))
            throw new DataException($"Dataset folder '{root}' does not exist; give the folder that holds one folder per class.");
        root = Path.GetFullPath(root);
        var candidates = new List<VideoCandidate>();
        var excluded = new List<ExcludedFile>();

        var partitionDirs = PartitionFolders
            .Select(name => (Name: name, Dir: FindChild(root, name)))
            .Where(p => p.Dir is not null)
            .ToList();
        bool partitioned = partitionDirs.Any(p => p.Name == "train");
        if (partitioned)
        {
            foreach (var (name, dir) in partitionDirs)
                ListClassFolders(dir!, Enum.Parse<SplitName>(name, ignoreCase: true), candidates, excluded);
            ExcludeLooseFiles(root, excluded);
        }
        else
        {
            ListClassFolders(root, null, candidates, excluded);
        }

        if (candidates.Count == 0)
            throw new DataException(
                $"Dataset folder '{root}' holds no videos in class folders ({string.Join(" ", VideoFiles.Extensions)}); " +
                "expected root/<Class>/<video> or root/train/<Class>/<video>.");
        return SplitSelector.Select(root, candidates, excluded, request, $"folder '{root}'");
    }

    private static string? FindChild(string root, string name) =>
        Directory.EnumerateDirectories(root)
            .FirstOrDefault(d => string.Equals(Path.GetFileName(d), name, StringComparison.OrdinalIgnoreCase));

    private static void ListClassFolders(string dir, SplitName? partition, List<VideoCandidate> candidates, List<ExcludedFile> excluded)
    {
        ExcludeLooseFiles(dir, excluded);
        foreach (string classDir in Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal))
        {
            string className = Path.GetFileName(classDir);
            if (className.StartsWith('.')) continue; // hidden folders (.git, .DS_Store dirs) are never classes
            var tree = DirectoryWalk.Files(classDir);
            foreach (string file in tree.Files)
            {
                string? problem = ProblemWith(file);
                if (problem is null) candidates.Add(new VideoCandidate(file, className, partition));
                else excluded.Add(new ExcludedFile(file, problem));
            }
            excluded.AddRange(tree.Problems);
            excluded.AddRange(tree.Skipped);
        }
    }

    private static void ExcludeLooseFiles(string dir, List<ExcludedFile> excluded)
    {
        foreach (string file in Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal))
            excluded.Add(new ExcludedFile(file, "not inside a class folder"));
    }

    private static string? ProblemWith(string file)
    {
        if (!VideoFiles.IsVideo(file)) return "not a video file extension";
        if (new FileInfo(file).Length == 0) return "empty file";
        return null;
    }
}
