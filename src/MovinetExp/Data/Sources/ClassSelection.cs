using MovinetExp.Common;

namespace MovinetExp.Data.Sources;

/// <summary>
/// Which classes of a dataset to use: the first <see cref="Count"/> in ordinal name order (for UCF101
/// that is the zip listing order, so "first 10 classes" matches the TF tutorial), or exactly the listed
/// <see cref="Names"/>. In the experiment spec: <c>classes: 10</c> or <c>classes: [a, b]</c>.
/// </summary>
public sealed class ClassSelection : IEquatable<ClassSelection>
{
    private readonly int? _firstCount;

    private ClassSelection(int? firstCount, IReadOnlyList<string>? names) { _firstCount = firstCount; Names = names; }

    /// <summary>The first <paramref name="count"/> classes in ordinal name order.</summary>
    public static ClassSelection FirstN(int count) => new(count, null);

    /// <summary>Exactly these classes, in this order; label i is <paramref name="names"/>[i].</summary>
    public static ClassSelection Named(IEnumerable<string> names) => new(null, names.ToArray());

    /// <summary>Explicit class names (labels follow this order); null when the selection is a count.</summary>
    public IReadOnlyList<string>? Names { get; }

    /// <summary>How many classes the selection yields (and so how many outputs the model's head has).</summary>
    public int Count => _firstCount ?? Names!.Count;

    /// <summary>The first name listed more than once (ordinal comparison); null when none is, or for a count.</summary>
    public string? DuplicateName =>
        Names?.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;

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
        int count = _firstCount!.Value;
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
        if (DuplicateName is { } duplicate)
            throw new DataException($"Class '{duplicate}' is listed more than once for {datasetDescription}; list each class once.");

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

    // Value equality over the names' contents, so a spec read back from YAML equals the one written.
    public bool Equals(ClassSelection? other) =>
        other is not null && _firstCount == other._firstCount &&
        (Names is null ? other.Names is null : other.Names is not null && Names.SequenceEqual(other.Names));

    public override bool Equals(object? obj) => Equals(obj as ClassSelection);

    public override int GetHashCode() =>
        Names is null ? _firstCount.GetHashCode() : Names.Aggregate(17, (h, n) => h * 31 + n.GetHashCode());

    /// <summary>The YAML form: the count, or the names in brackets.</summary>
    public override string ToString() => Names is null ? _firstCount!.Value.ToString() : $"[{string.Join(", ", Names)}]";
}
