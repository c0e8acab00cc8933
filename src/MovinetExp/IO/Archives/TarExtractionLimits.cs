namespace MovinetExp.IO.Archives;

/// <summary>Caps that stop a hostile or corrupt archive from filling the disk.</summary>
/// <param name="MaxEntryBytes">Largest single file (default 2 GiB; the largest MoViNet checkpoint is far below).</param>
/// <param name="MaxTotalBytes">Largest sum of all files (default 2 GiB).</param>
/// <param name="MaxEntries">Most entries (default 100 000).</param>
public sealed record TarExtractionLimits(long MaxEntryBytes = 2L << 30, long MaxTotalBytes = 2L << 30, int MaxEntries = 100_000)
{
    /// <summary>The defaults.</summary>
    public static TarExtractionLimits Default { get; } = new();
}
