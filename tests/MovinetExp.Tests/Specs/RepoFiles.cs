namespace MovinetExp.Tests.Specs;

/// <summary>Finds files of the source tree (not the build output) from a running test.</summary>
internal static class RepoFiles
{
    /// <summary>The repository root: the first folder above the test binaries holding MovinetExp.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string SchemaFile => Path.Combine(Root, "src", "MovinetExp", "Specs", MovinetExp.Specs.SpecSchema.FileName);

    public static string Examples => Path.Combine(Root, "tests", "MovinetExp.Tests", "Specs", "Examples");

    /// <summary>Every example spec: this folder's own and, when present, the repository's experiments/ folder.</summary>
    public static IEnumerable<string> ExampleSpecs()
    {
        var folders = new[] { Examples, Path.Combine(Root, "experiments") }.Where(Directory.Exists);
        return folders.SelectMany(f => Directory.EnumerateFiles(f, "*.yaml", SearchOption.AllDirectories)).Order(StringComparer.Ordinal);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MovinetExp.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Cannot find MovinetExp.sln above " + AppContext.BaseDirectory);
    }
}
