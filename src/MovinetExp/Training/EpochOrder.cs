namespace MovinetExp.Training;

/// <summary>
/// The order examples are visited in an epoch: a permutation drawn from a generator keyed by
/// (seed, epoch) alone, so a resumed run visits them exactly as an uninterrupted one would.
/// </summary>
public static class EpochOrder
{
    public static int[] Shuffled(int count, int seed, int epoch)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(StableSeed(seed, epoch, 0x5f3759df)).Shuffle(order);
        return order;
    }

    /// <summary>Combines integers into one seed the same way on every run and machine (HashCode is randomised per process).</summary>
    public static int StableSeed(int seed, int epoch, int stream)
    {
        unchecked
        {
            uint h = 2166136261;
            foreach (int v in new[] { seed, epoch, stream })
                for (int shift = 0; shift < 32; shift += 8)
                    h = (h ^ (uint)((v >> shift) & 0xff)) * 16777619;
            return (int)(h & 0x7fffffff);
        }
    }
}
