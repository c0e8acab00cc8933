using MovinetExp.Common;

namespace MovinetExp.Sweeps;

/// <summary>
/// The product of the `--grid` axes: every combination of their values, the first axis varying slowest
/// (like nested loops in the order the options were given), each named by <see cref="SweepPointNames"/>.
/// </summary>
public static class SweepGrid
{
    /// <summary>
    /// At most this many points: Slurm's default MaxArraySize is 1001 (task ids 0-1000), and a sweep larger
    /// than that is more likely a typo than a plan.
    /// </summary>
    public const int MaxPoints = 1000;

    /// <param name="experiment">The spec's experiment name: the points' runs go to &lt;experiment&gt;/&lt;point&gt;.</param>
    /// <exception cref="UsageException">No axis, a key given twice, or more than <see cref="MaxPoints"/> points.</exception>
    public static IReadOnlyList<SweepPoint> Expand(IReadOnlyList<GridAxis> axes, string experiment)
    {
        if (axes.Count == 0)
            throw new UsageException("A sweep needs at least one --grid key=value1,value2, e.g. --grid train.lr=0.001,0.003.");
        var twice = axes.GroupBy(a => a.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice != null)
            throw new UsageException($"--grid {twice.Key} is given {twice.Count()} times; give all its values in one option: --grid {twice.Key}=" +
                string.Join(',', twice.SelectMany(a => a.Values)) + ".");
        long count = axes.Aggregate(1L, (n, a) => n * a.Values.Count);
        if (count > MaxPoints)
            throw new UsageException($"The grid has {count} points ({string.Join(" x ", axes.Select(a => $"{a.Values.Count} {a.Key}"))}); " +
                $"a sweep may have at most {MaxPoints}. Split it into several sweeps or drop values.");

        IEnumerable<IReadOnlyList<GridValue>> combinations = [[]];
        foreach (var axis in axes)
            combinations = combinations.SelectMany(prefix => axis.Values.Select(v => (IReadOnlyList<GridValue>)[.. prefix, new GridValue(axis.Key, v)]));
        var names = SweepPointNames.For(axes, combinations.ToList());
        return combinations.Select((values, i) => new SweepPoint(i, names[i], values, $"{experiment}/{names[i]}")).ToList();
    }
}
