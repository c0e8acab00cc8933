namespace MovinetExp.Common;

/// <summary>
/// The one edit distance behind every "did you mean" hint (spec keys, enum values, catalog keys, class
/// names). It counts adjacent transpositions as one edit because swapped letters ("trian") are the
/// commonest typo, and plain Levenshtein would charge them two.
/// </summary>
public static class EditDistance
{
    /// <summary>
    /// Optimal string alignment distance: the minimum number of single-character insertions, deletions,
    /// substitutions and adjacent transpositions turning <paramref name="a"/> into <paramref name="b"/>,
    /// with no substring edited more than once. Case-sensitive; callers lower-case first when case should not count.
    /// </summary>
    public static int Between(string a, string b)
    {
        // Three rolling rows: the transposition step looks two rows back.
        var twoBack = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                int best = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    best = Math.Min(best, twoBack[j - 2] + 1);
                current[j] = best;
            }
            (twoBack, previous, current) = (previous, current, twoBack);
        }
        return previous[b.Length];
    }
}
