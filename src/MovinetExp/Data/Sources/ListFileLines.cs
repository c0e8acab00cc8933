using MovinetExp.Common;

namespace MovinetExp.Data.Sources;

/// <summary>Non-blank, trimmed lines of a list file with 1-based line numbers (for error messages).</summary>
internal static class ListFileLines
{
    public static IEnumerable<(string Line, int Number)> Read(string path)
    {
        if (!File.Exists(path))
            throw new DataException($"List file '{path}' does not exist; check the path in the spec.");
        string[] lines = File.ReadAllLines(path);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length > 0) yield return (line, i + 1);
        }
    }
}
