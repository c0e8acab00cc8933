using MovinetExp.Common;
using MovinetExp.Models;
using MovinetExp.IO.Downloads;

namespace MovinetExp.Catalog;

/// <summary>
/// The tool catalogue (<c>tool.json</c>): download locations of the released checkpoints and datasets, the
/// cache folder, and how patient downloads are. Validated completely when loaded, so a broken catalogue fails before any work starts.
/// </summary>
public sealed class ToolCatalog
{
    /// <summary>File name of the catalogue shipped next to the tool's assembly.</summary>
    public const string FileName = "tool.json";

    /// <summary>Environment variable naming another catalogue file.</summary>
    public const string PathVariable = "MOVINET_CATALOG";

    private readonly IReadOnlyDictionary<(ModelId, MovinetVariant), CheckpointEntry> _checkpoints;

    internal ToolCatalog(string sourcePath, string cacheFolder, IReadOnlyDictionary<string, DatasetEntry> datasets,
        IReadOnlyDictionary<(ModelId, MovinetVariant), CheckpointEntry> checkpoints, DownloadSettings download)
    {
        SourcePath = sourcePath;
        CacheFolder = cacheFolder;
        Datasets = datasets;
        _checkpoints = checkpoints;
        Download = download;
    }

    /// <summary>The catalogue file this was read from.</summary>
    public string SourcePath { get; }

    /// <summary>Absolute folder for downloads and caches (see <see cref="CacheFolderPath"/> for the rules).</summary>
    public string CacheFolder { get; }

    /// <summary>Timeouts and attempts for downloads (the optional <c>download</c> section; defaults otherwise).</summary>
    public DownloadSettings Download { get; }

    /// <summary>Datasets by name (always contains "ucf101").</summary>
    public IReadOnlyDictionary<string, DatasetEntry> Datasets { get; }

    /// <summary>The archive of a released checkpoint; every id/variant pair is present.</summary>
    public CheckpointEntry Checkpoint(ModelId id, MovinetVariant variant) => _checkpoints[(id, variant)];

    /// <summary>The download URL of a dataset.</summary>
    /// <exception cref="UsageException">The catalogue has no such dataset.</exception>
    public string DatasetUrl(string name) =>
        Datasets.TryGetValue(name, out DatasetEntry? entry)
            ? entry.Url
            : throw new UsageException($"{SourcePath}: datasets.{name}: not in the tool catalogue; add {{\"url\": \"https://...\"}} under datasets.{name}.");

    /// <summary>
    /// Loads and validates the catalogue: <paramref name="path"/> when given, else the file named by
    /// <c>MOVINET_CATALOG</c>, else <c>tool.json</c> next to the tool's assembly.
    /// </summary>
    /// <exception cref="UsageException">The file is missing, not JSON, or has invalid entries (all listed).</exception>
    public static ToolCatalog Load(string? path = null) => Load(path, Environment.GetEnvironmentVariable);

    /// <summary><see cref="Load(string?)"/> with an injectable environment, so tests need not change the process's.</summary>
    internal static ToolCatalog Load(string? path, Func<string, string?> environment)
    {
        string file = path ?? (string.IsNullOrEmpty(environment(PathVariable)) ? null : environment(PathVariable))
                           ?? Path.Combine(AppContext.BaseDirectory, FileName);
        return ToolCatalogReader.Read(file, environment);
    }
}
