namespace MovinetExp.Tests.Support;

/// <summary>
/// Locates the read-only reference material (../shared beside the repository: fixtures, real videos,
/// labels) and gives each test its own scratch folder. MOVINET_SHARED overrides the search.
/// </summary>
public static class TestPaths
{
    private static readonly Lazy<string> SharedRoot = new(FindShared);

    public static string Shared => SharedRoot.Value;
    public static string CheckpointFixtures => Path.Combine(Shared, "fixtures", "tf-checkpoints");
    public static string Videos => Path.Combine(Shared, "data", "videos");
    public static string Parity => Path.Combine(Shared, "fixtures", "parity");
    public static string Kinetics600Labels => Path.Combine(Shared, "data", "labels", "kinetics_600_labels.txt");

    /// <summary>The repository root: the folder above the test binaries that holds MovinetExp.sln.</summary>
    public static string RepositoryRoot => RepositoryRootValue.Value;

    private static readonly Lazy<string> RepositoryRootValue = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MovinetExp.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Cannot find MovinetExp.sln above the test binaries.");
    });

    /// <summary>A new empty folder under the system temp folder, unique per call.</summary>
    public static string NewScratchFolder(string purpose)
    {
        string dir = Path.Combine(Path.GetTempPath(), "movinet-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindShared()
    {
        string? fromEnv = Environment.GetEnvironmentVariable("MOVINET_SHARED");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv)) return fromEnv;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "fixtures"))) return candidate;
        }
        throw new DirectoryNotFoundException(
            "Cannot find the shared/ reference folder beside the repository; set MOVINET_SHARED to its path.");
    }
}
