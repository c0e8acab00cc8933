using System.Globalization;

namespace MovinetExp.Specs;

/// <summary>
/// Videos per class in one split (<c>data.split.train</c>, <c>data.split.test</c>): a count, or <c>all</c>,
/// every video the split lists assign to that split. Official splits (UCF101's trainlist/testlist) have
/// classes of different sizes, so no single per-class count takes every listed video.
/// </summary>
public sealed record SplitSize
{
    private SplitSize(int? count) => Count = count;

    /// <summary>Every video the lists put in the split (<c>all</c>).</summary>
    public static SplitSize All { get; } = new((int?)null);

    public static SplitSize Of(int count) => new(count);

    /// <summary>So defaults and tests read as numbers: <c>Train = 30</c>.</summary>
    public static implicit operator SplitSize(int count) => Of(count);

    /// <summary>Videos per class; null for <c>all</c>.</summary>
    public int? Count { get; }

    public bool IsAll => Count is null;

    /// <summary>The YAML form: the count, or <c>all</c>.</summary>
    public override string ToString() => Count?.ToString(CultureInfo.InvariantCulture) ?? Keyword;

    /// <summary>How <c>all</c> is written in a spec.</summary>
    public const string Keyword = "all";
}
