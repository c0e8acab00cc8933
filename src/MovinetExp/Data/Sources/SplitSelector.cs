using MovinetExp.Common;

namespace MovinetExp.Data.Sources;

/// <summary>
/// Turns the videos a source found into <see cref="DatasetSplits"/>: resolves the classes, then for
/// each class deals videos into train, val and test. Deterministic for a seed, and each class is
/// shuffled with its own seed so adding a class never changes the files chosen for another.
/// </summary>
public static class SplitSelector
{
    /// <summary>
    /// Selects classes and files. When candidates carry a <see cref="VideoCandidate.Partition"/>, train
    /// draws from the train partition, val from the val partition (or from what train left when the
    /// dataset has none), test from the test partition; otherwise all three draw in turn from one pool.
    /// </summary>
    /// <param name="root">Folder the candidate paths live in (recorded for manifests).</param>
    /// <param name="availableClasses">All classes of the dataset; null means the classes of the candidates.</param>
    /// <param name="datasetDescription">Names the dataset in error messages (e.g. "folder '/data/ucf'").</param>
    public static DatasetSplits Select(
        string root,
        IReadOnlyList<VideoCandidate> candidates,
        IReadOnlyList<ExcludedFile> excluded,
        SplitRequest request,
        string datasetDescription,
        IEnumerable<string>? availableClasses = null)
    {
        request.Counts.Validate();
        var classNames = request.Classes.Resolve(availableClasses ?? candidates.Select(c => c.ClassName), datasetDescription);
        bool partitioned = candidates.Any(c => c.Partition is not null);
        bool hasValPartition = candidates.Any(c => c.Partition == SplitName.Val);

        var train = new List<VideoItem>();
        var val = new List<VideoItem>();
        var test = new List<VideoItem>();
        for (int label = 0; label < classNames.Count; label++)
        {
            string className = classNames[label];
            var ofClass = candidates.Where(c => c.ClassName == className).ToList();
            var context = new DrawContext(className, datasetDescription, request.Policy);
            if (!partitioned)
            {
                var pool = new Pool(ofClass, request, "all");
                Add(train, pool.Draw(request.Counts.Train, SplitName.Train, context), label);
                Add(val, pool.Draw(request.Counts.Val, SplitName.Val, context), label);
                Add(test, pool.Draw(request.Counts.Test, SplitName.Test, context), label);
                continue;
            }
            var trainPool = new Pool(ofClass.Where(c => c.Partition == SplitName.Train), request, "train");
            Add(train, trainPool.Draw(request.Counts.Train, SplitName.Train, context), label);
            var valPool = hasValPartition ? new Pool(ofClass.Where(c => c.Partition == SplitName.Val), request, "val") : trainPool;
            Add(val, valPool.Draw(request.Counts.Val, SplitName.Val, context), label);
            var testPool = new Pool(ofClass.Where(c => c.Partition == SplitName.Test), request, "test");
            Add(test, testPool.Draw(request.Counts.Test, SplitName.Test, context), label);
        }
        return new DatasetSplits(root, classNames, train, val, test, excluded);
    }

    private static void Add(List<VideoItem> split, IEnumerable<VideoCandidate> drawn, int label) =>
        split.AddRange(drawn.Select(c => new VideoItem(c.Path, label, c.ClassName, c.Group)));

    private sealed record DrawContext(string ClassName, string DatasetDescription, SplitPolicy Policy);

    /// <summary>
    /// The shuffled units (whole groups, or single files) of one class in one partition. Each draw
    /// takes units from the front; under the group policy the unused rest of the last unit is
    /// dropped rather than handed to the next split, which is what keeps groups from crossing splits.
    /// </summary>
    private sealed class Pool
    {
        private readonly List<List<VideoCandidate>> _units;
        private readonly int _totalFiles;
        private int _next;

        public Pool(IEnumerable<VideoCandidate> candidates, SplitRequest request, string partition)
        {
            // Sorting first makes the result independent of the order the file system listed files in.
            var sorted = candidates.OrderBy(c => c.Path, StringComparer.Ordinal).ToList();
            _totalFiles = sorted.Count;
            _units = request.Policy == SplitPolicy.Group
                ? sorted.GroupBy(c => c.Group ?? "file:" + c.Path).Select(g => g.ToList()).ToList()
                : sorted.Select(c => new List<VideoCandidate> { c }).ToList();
            string className = sorted.Count > 0 ? sorted[0].ClassName : "";
            Shuffle(_units, new Random(StableSeed(request.Seed, className + "/" + partition)));
        }

        public List<VideoCandidate> Draw(int? count, SplitName split, DrawContext context)
        {
            var drawn = new List<VideoCandidate>();
            while (_next < _units.Count && (count is null || drawn.Count < count))
            {
                var unit = _units[_next++];
                drawn.AddRange(count is null ? unit : unit.Take(count.Value - drawn.Count));
            }
            if (count is not null && drawn.Count < count)
                throw new DataException(NotEnoughMessage(count.Value, drawn.Count, split, context));
            return drawn;
        }

        private string NotEnoughMessage(int wanted, int got, SplitName split, DrawContext context)
        {
            string why = context.Policy == SplitPolicy.Group
                ? $" ({_totalFiles} videos in {_units.Count} groups; a group goes whole into one split, so leftover clips of a group are not reused)"
                : $" ({_totalFiles} videos in this pool)";
            return $"Class '{context.ClassName}' in {context.DatasetDescription} has only {got} videos left for the " +
                   $"{EnumNames.Of(split)} split but {wanted} per class were asked for{why}. " +
                   "Lower the per-class split counts or choose classes with more videos.";
        }
    }

    private static void Shuffle<T>(List<T> items, Random random)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>FNV-1a over the key mixed with the seed: string.GetHashCode is randomised per process.</summary>
    private static int StableSeed(int seed, string key)
    {
        uint hash = 2166136261u ^ (uint)seed;
        foreach (char ch in key)
        {
            hash ^= ch;
            hash *= 16777619u;
        }
        return (int)(hash & 0x7fffffff);
    }
}
