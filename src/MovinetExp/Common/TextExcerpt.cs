using System.Text;

namespace MovinetExp.Common;

/// <summary>
/// How messages quote text read from a user's file or value. Messages end up in the terminal, in
/// status.json and in log.txt, and the text may be long or hold what must not be copied there (a
/// mistaken path can point at an environment file with tokens), so only a short excerpt is shown.
/// </summary>
public static class TextExcerpt
{
    /// <summary>Characters shown at most; enough to recognise a line, too few to carry a secret whole.</summary>
    public const int MaxLength = 40;

    /// <summary>The first <see cref="MaxLength"/> characters of <paramref name="text"/>, control characters as '?', "..." when cut.</summary>
    public static string Of(string text)
    {
        var excerpt = new StringBuilder(MaxLength + 3);
        foreach (char c in text.AsSpan(0, Math.Min(text.Length, MaxLength))) excerpt.Append(char.IsControl(c) ? '?' : c);
        if (text.Length > MaxLength) excerpt.Append("...");
        return excerpt.ToString();
    }
}
