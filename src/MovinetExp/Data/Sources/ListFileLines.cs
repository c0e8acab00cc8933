using MovinetExp.Common;

namespace MovinetExp.Data.Sources;

/// <summary>
/// Non-blank, trimmed lines of a list file with 1-based line numbers (for error messages). Only regular
/// files are read (<see cref="RegularFile"/>); messages quote a bad line with <see cref="TextExcerpt"/>.
/// </summary>
internal static class ListFileLines
{
    public static IEnumerable<(string Line, int Number)> Read(string path)
    {
        using var lines = new StringReader(RegularFile.ReadAllText(path, "List file"));
        int number = 0;
        for (string? line = lines.ReadLine(); line != null; line = lines.ReadLine())
        {
            number++;
            line = line.Trim();
            if (line.Length > 0) yield return (line, number);
        }
    }
}
