using MovinetExp.Common;

namespace MovinetExp.Data.Sources;

/// <summary>"Did you mean" candidates for a mistyped name: same name in another case, or a small <see cref="EditDistance"/> (so swapped letters count as one edit).</summary>
public static class NameSuggestions
{
    /// <summary>Up to <paramref name="max"/> candidates closest to <paramref name="wanted"/>, best first.</summary>
    public static IReadOnlyList<string> For(string wanted, IEnumerable<string> candidates, int max = 3)
    {
        // A third of the name's length lets "Bascketball" find "Basketball" without suggesting noise for short names.
        int limit = Math.Max(2, wanted.Length / 3);
        return candidates
            .Select(c => (Name: c, Distance: EditDistance.Between(wanted.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(x => x.Distance <= limit)
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Name)
            .ToList();
    }
}
