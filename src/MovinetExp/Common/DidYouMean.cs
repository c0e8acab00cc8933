namespace MovinetExp.Common;

/// <summary>
/// Suggests the closest known name for a misspelt one (spec keys and values, catalog keys), by
/// <see cref="EditDistance"/> ignoring case.
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
            int d = EditDistance.Between(typed.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance) { best = candidate; bestDistance = d; }
        }
        if (best is null) return null;
        int allowed = Math.Max(1, Math.Max(typed.Length, best.Length) / 3);
        return bestDistance <= allowed ? best : null;
    }
}
