using MovinetExp.Common;

namespace MovinetExp.Data.Sources;

/// <summary>
/// Which classes of a dataset to use: the first <see cref="Count"/> in ordinal name order (for UCF101
/// that is the zip listing order, so "first 10 classes" matches the TF tutorial), or explicit names.
/// </summary>
public sealed record ClassSelection
{
    private ClassSelection(int? count, IReadOnlyList<string>? names) { Count = count; Names = names; }

    /// <summary>Number of classes to take in ordinal order; null when names are given.</summary>
    public int? Count { get; }

    /// <summary>Explicit class names (labels follow this order); null when a count is given.</summary>
    public IReadOnlyList<string>? Names { get; }

    /// <summary>The first <paramref name="count"/> classes in ordinal name order.</summary>
    public static ClassSelection First(int count) => new(count, null);

    /// <summary>Exactly these classes; label i is <paramref name="names"/>[i].</summary>
    public static ClassSelection Named(IEnumerable<string> names) => new(null, names.ToList());

    /// <summary>
    /// Picks the classes from those available. Throws a <see cref="DataException"/> naming
    /// <paramref name="datasetDescription"/> when the count is too large or a name is unknown.
    /// </summary>
    public IReadOnlyList<string> Resolve(IEnumerable<string> available, string datasetDescription)
    {
        var sorted = available.Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
        if (Names is null) return ResolveCount(sorted, datasetDescription);
        return ResolveNames(sorted, datasetDescription);
    }

    private IReadOnlyList<string> ResolveCount(List<string> sorted, string datasetDescription)
    {
        int count = Count!.Value;
        if (count < 1)
            throw new DataException($"Class count is {count} for {datasetDescription}; ask for 1 or more classes.");
        if (count > sorted.Count)
            throw new DataException(
                $"{datasetDescription} has {sorted.Count} classes but {count} were asked for; lower the class count " +
                $"(available: {string.Join(", ", sorted)}).");
        return sorted.Take(count).ToList();
    }

    private IReadOnlyList<string> ResolveNames(List<string> sorted, string datasetDescription)
    {
        if (Names!.Count == 0)
            throw new DataException($"No class names given for {datasetDescription}; list at least one class.");
        var duplicate = Names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new DataException($"Class '{duplicate.Key}' is listed more than once for {datasetDescription}; list each class once.");

        var known = new HashSet<string>(sorted, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (string name in Names.Where(n => !known.Contains(n)))
        {
            var suggestions = NameSuggestions.For(name, sorted);
            problems.Add(suggestions.Count > 0
                ? $"'{name}' (did you mean {string.Join(" or ", suggestions.Select(s => $"'{s}'"))}?)"
                : $"'{name}'");
        }
        if (problems.Count > 0)
            throw new DataException(
                $"Unknown class {string.Join(", ", problems)} in {datasetDescription}. " +
                $"Available classes ({sorted.Count}): {string.Join(", ", sorted)}.");
        return Names.ToList();
    }
}
