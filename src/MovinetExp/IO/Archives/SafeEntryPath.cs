using MovinetExp.Common;

namespace MovinetExp.IO.Archives;

/// <summary>
/// Maps an archive entry name to a path inside a target folder, refusing names that would land
/// outside it ("zip slip"): absolute paths, drive letters, backslashes (a separator on Windows,
/// so "..\x" escapes there), ".." segments, NUL characters, and anything whose full path leaves the folder.
/// </summary>
public static class SafeEntryPath
{
    /// <summary>The full path of <paramref name="entryName"/> under <paramref name="targetFolder"/>, or a DataException naming the entry.</summary>
    /// <param name="archive">Names the archive in the error message.</param>
    public static string Resolve(string targetFolder, string entryName, string archive)
    {
        string? problem = ProblemWith(entryName);
        string root = Path.GetFullPath(targetFolder);
        string full = problem is null ? Path.GetFullPath(Path.Combine(root, entryName)) : "";
        if (problem is null && !full.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            problem = "it resolves outside the target folder";
        if (problem is not null)
            throw new DataException(
                $"Refusing archive entry '{entryName}' in {archive}: {problem}. The archive may be malicious or corrupt; " +
                "do not use it, and get the file from its official source.");
        return full;
    }

    private static string? ProblemWith(string name)
    {
        if (name.Length == 0) return "the name is empty";
        if (name.Contains('\0')) return "the name contains a NUL character";
        if (name.Contains('\\')) return "the name contains a backslash";
        if (name.StartsWith('/')) return "it is an absolute path";
        if (name.Length >= 2 && name[1] == ':' && char.IsAsciiLetter(name[0])) return "it starts with a drive letter";
        if (name.Split('/').Any(segment => segment == "..")) return "it contains a '..' segment";
        return null;
    }
}
