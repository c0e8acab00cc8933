namespace MovinetExp.Data.Video;

/// <summary>
/// A random generator keyed by (seed, epoch, item index): each item's draw is independent of which
/// worker decodes it and when, so parallel loading stays reproducible.
/// </summary>
public static class SamplingRandom
{
    /// <summary>A fresh generator for one item in one epoch; the same key always gives the same sequence.</summary>
    public static Random For(int seed, int epoch, int itemIndex) => new(SeedFor(seed, epoch, itemIndex));

    /// <summary>The 31-bit seed behind <see cref="For"/>; System.Random(int) is stable across .NET versions.</summary>
    public static int SeedFor(int seed, int epoch, int itemIndex)
    {
        ulong h = Mix((ulong)(uint)seed);
        h = Mix(h ^ (ulong)(uint)epoch);
        h = Mix(h ^ (ulong)(uint)itemIndex);
        return (int)(h & 0x7FFF_FFFF);
    }

    // SplitMix64 finaliser: nearby keys (epoch 1 vs 2) give unrelated seeds.
    private static ulong Mix(ulong z)
    {
        z += 0x9E37_79B9_7F4A_7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }
}
