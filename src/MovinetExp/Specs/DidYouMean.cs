namespace MovinetExp.Specs;

/// <summary>
/// Suggests the closest known name for a misspelt one, by Levenshtein edit distance extended with
/// transpositions of adjacent letters (optimal string alignment), the commonest typo ("trian").
/// </summary>
public static class DidYouMean
{
    /// <summary>
    /// The candidate closest to <paramref name="typed"/>, or null when none is plausibly meant: the
    /// distance must be at most a third of the longer word (at least 1), so "framez" finds "frames" but
    /// "colour" does not find "cache".
    /// </summary>
    public static string? Suggest(string typed, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            int d = Distance(typed.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance) { best = candidate; bestDistance = d; }
        }
        if (best is null) return null;
        int allowed = Math.Max(1, Math.Max(typed.Length, best.Length) / 3);
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>
    /// Minimum number of single-character insertions, deletions, substitutions and adjacent
    /// transpositions turning a into b (each substring edited at most once).
    /// </summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(d[i - 1, j - 1] + cost, Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
