using MovinetExp.Common;

namespace MovinetExp.Data.Sources;

/// <summary>
/// Videos per class in each split (e.g. 30/0/20). A null count means "all that remain" in the pool
/// that split draws from, which is what predefined train/test layouts usually want.
/// </summary>
public sealed record SplitCounts(int? Train, int? Val, int? Test)
{
    /// <summary>Every available video, in the partition the source defines.</summary>
    public static SplitCounts All { get; } = new(null, null, null);

    /// <summary>Throws a <see cref="DataException"/> when a count is negative.</summary>
    public void Validate()
    {
        foreach (var (name, value) in new[] { ("train", Train), ("val", Val), ("test", Test) })
            if (value < 0)
                throw new DataException($"Split count '{name}' is {value}; counts per class must be 0 or more.");
    }
}
