namespace MovinetExp.Specs;

/// <summary>
/// Which classes an experiment uses: either the first <see cref="Count"/> classes of the source (in its
/// class order) or exactly the listed <see cref="Names"/>. In YAML: <c>classes: 10</c> or <c>classes: [a, b]</c>.
/// </summary>
public sealed class ClassSelection : IEquatable<ClassSelection>
{
    private ClassSelection(int? count, IReadOnlyList<string>? names)
    {
        CountOnly = count;
        Names = names;
    }

    /// <summary>Take the first <paramref name="count"/> classes.</summary>
    public static ClassSelection FirstN(int count) => new(count, null);

    /// <summary>Take exactly these classes, in this order (the order defines the label indices).</summary>
    public static ClassSelection Named(IEnumerable<string> names) => new(null, names.ToArray());

    /// <summary>The count when the selection is a count; null when it is a list of names.</summary>
    public int? CountOnly { get; }

    /// <summary>The names when the selection is a list; null when it is a count.</summary>
    public IReadOnlyList<string>? Names { get; }

    /// <summary>How many classes the model's head will have.</summary>
    public int Count => CountOnly ?? Names!.Count;

    public bool Equals(ClassSelection? other) =>
        other is not null && CountOnly == other.CountOnly &&
        (Names is null ? other.Names is null : other.Names is not null && Names.SequenceEqual(other.Names));

    public override bool Equals(object? obj) => Equals(obj as ClassSelection);

    public override int GetHashCode() =>
        Names is null ? CountOnly.GetHashCode() : Names.Aggregate(17, (h, n) => h * 31 + n.GetHashCode());

    public override string ToString() => Names is null ? CountOnly!.Value.ToString() : $"[{string.Join(", ", Names)}]";
}
