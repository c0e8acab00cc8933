namespace MovinetExp.Data.Sources;

/// <summary>"Did you mean" candidates for a mistyped name: same name in another case, or a small edit distance.</summary>
public static class NameSuggestions
{
    /// <summary>Up to <paramref name="max"/> candidates closest to <paramref name="wanted"/>, best first.</summary>
    public static IReadOnlyList<string> For(string wanted, IEnumerable<string> candidates, int max = 3)
    {
        // A third of the name's length lets "Bascketball" find "Basketball" without suggesting noise for short names.
        int limit = Math.Max(2, wanted.Length / 3);
        return candidates
            .Select(c => (Name: c, Distance: Distance(wanted.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(x => x.Distance <= limit)
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Name)
            .ToList();
    }

    /// <summary>Levenshtein distance (insertions, deletions, substitutions each cost 1).</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
