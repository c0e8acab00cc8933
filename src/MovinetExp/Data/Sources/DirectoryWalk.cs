using MovinetExp.Common;

namespace MovinetExp.Data.Sources;

/// <summary>
/// Lists every file under a folder, following links to folders (datasets often link class folders from
/// elsewhere) but entering each real folder once and never a folder that contains the walked one, so a
/// link cycle such as <c>a/up -&gt; ..</c> ends instead of multiplying paths forever. An entry that cannot
/// be resolved (a link to itself, a broken link, a folder without read permission) is reported as a
/// problem rather than thrown, so one bad entry never stops the listing of the others.
/// <see cref="Directory.EnumerateFiles(string, string, SearchOption)"/> does neither: it follows cycles
/// and throws on the first unreadable entry.
/// </summary>
public static class DirectoryWalk
{
    public static FileTree Files(string root)
    {
        root = Path.GetFullPath(root);
        var files = new List<string>();
        var problems = new List<ExcludedFile>();
        var skipped = new List<ExcludedFile>();
        string realRoot = RealPath.Of(root);
        var visited = new HashSet<string>(StringComparer.Ordinal) { realRoot };
        var ancestors = new HashSet<string>(StringComparer.Ordinal);
        for (string? up = Path.GetDirectoryName(realRoot); up is not null; up = Path.GetDirectoryName(up)) ancestors.Add(up);

        // Plain folders are walked before any linked one, so a folder reachable both ways is listed where it really is.
        var plain = new Stack<string>([root]);
        var linked = new Queue<(string Path, string Real)>();
        while (NextFolder(plain, linked, visited, skipped) is { } folder)
        {
            List<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(folder).EnumerateFileSystemInfos().ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new ExcludedFile(folder, $"cannot list this folder: {e.Message}"));
                continue;
            }
            foreach (var entry in entries)
            {
                if (Resolve(entry, out string? problem) is not { } isFolder)
                {
                    problems.Add(new ExcludedFile(entry.FullName, problem!));
                    continue;
                }
                if (!isFolder)
                {
                    files.Add(entry.FullName);
                    continue;
                }
                string real;
                try
                {
                    real = RealPath.Of(entry.FullName);
                }
                catch (IOException e)
                {
                    problems.Add(new ExcludedFile(entry.FullName, e.Message));
                    continue;
                }
                if (ancestors.Contains(real))
                    skipped.Add(new ExcludedFile(entry.FullName, $"link to '{entry.LinkTarget}', a folder that contains this one (a link cycle), not entered"));
                else if (entry.LinkTarget is not null) linked.Enqueue((entry.FullName, real));
                else if (visited.Add(real)) plain.Push(entry.FullName);
            }
        }
        files.Sort(StringComparer.Ordinal);
        return new FileTree(files, problems, skipped);
    }

    private static string? NextFolder(Stack<string> plain, Queue<(string Path, string Real)> linked, HashSet<string> visited, List<ExcludedFile> skipped)
    {
        if (plain.TryPop(out string? folder)) return folder;
        while (linked.TryDequeue(out var link))
        {
            if (visited.Add(link.Real)) return link.Path;
            skipped.Add(new ExcludedFile(link.Path, $"link to '{link.Real}', a folder already listed, not entered again"));
        }
        return null;
    }

    /// <summary>True for a folder, false for a file (either may be reached through links); null with a problem when neither.</summary>
    private static bool? Resolve(FileSystemInfo entry, out string? problem)
    {
        problem = null;
        if (entry.LinkTarget is not string target) return (entry.Attributes & FileAttributes.Directory) != 0;
        FileSystemInfo? final;
        try
        {
            final = entry.ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (IOException e)
        {
            problem = $"symbolic link to '{target}' cannot be resolved ({e.Message.TrimEnd('.')}); it probably points to itself";
            return null;
        }
        if (final is not null && Directory.Exists(final.FullName)) return true;
        if (final is not null && File.Exists(final.FullName)) return false;
        problem = $"broken symbolic link: its target '{target}' does not exist";
        return null;
    }
}
