namespace MovinetExp.Common;

/// <summary>
/// The canonical path of a file or folder with every symbolic link resolved, like POSIX realpath(3):
/// two paths name the same folder exactly when their real paths are equal, which is what lets a
/// directory walk recognise a folder it has already been in. .NET has no such call (ResolveLinkTarget
/// follows only the last component), so the path is resolved component by component. Unix paths only,
/// as the tool itself.
/// </summary>
public static class RealPath
{
    /// <summary>Links followed before giving up, as Linux's own limit (ELOOP after 40).</summary>
    private const int MaxLinks = 40;

    /// <exception cref="IOException">More than 40 links had to be followed (a link cycle).</exception>
    public static string Of(string path)
    {
        var pending = new Stack<string>(Components(Path.GetFullPath(path)).Reverse());
        string current = "/";
        int links = 0;
        while (pending.Count > 0)
        {
            string part = pending.Pop();
            if (part == ".") continue;
            if (part == "..")
            {
                // Safe only because current is already real: its parent is the true parent.
                current = Path.GetDirectoryName(current) ?? "/";
                continue;
            }
            string next = Path.Join(current, part);
            string? target = new FileInfo(next).LinkTarget; // null when next is no link (or does not exist)
            if (target is null)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks) throw new IOException($"Too many levels of symbolic links while resolving '{path}'");
            if (Path.IsPathRooted(target)) current = "/";
            foreach (string t in Components(target).Reverse()) pending.Push(t);
        }
        return current;
    }

    private static string[] Components(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
