namespace MovinetExp.Sweeps;

/// <summary>
/// How a sweep starts this tool for one point, on this machine (local executor) or on cluster nodes (Slurm):
/// the same `dotnet` host and CLI assembly that runs now, by absolute path, so a point runs exactly the build
/// that planned it. `dotnet movinet` from the repository's tool manifest runs the dll in the NuGet tool
/// store (~/.nuget/packages/movinet-exp.linux-x64/...), which nodes see when home folders are shared, as on
/// most clusters; `--tool` replaces it where they are not (e.g. `--tool movinet` for a global install on the nodes).
/// </summary>
public static class ToolCommand
{
    /// <param name="entryAssembly">The CLI assembly's path (the `movinet.dll` this process runs).</param>
    /// <param name="processPath">This process's executable: the `dotnet` host, or the tool's own apphost.</param>
    public static (IReadOnlyList<string> Command, string Origin) OfThisProcess(string entryAssembly, string? processPath)
    {
        string? host = processPath;
        bool viaDotnet = host != null && Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.Ordinal);
        if (viaDotnet)
            return ([host!, entryAssembly], "the dotnet host and CLI assembly of the process that created the sweep");
        if (host != null && !host.EndsWith(".dll", StringComparison.Ordinal))
            return ([host], "the tool executable of the process that created the sweep");
        return (["dotnet", entryAssembly], "dotnet on PATH with the CLI assembly of the process that created the sweep");
    }

    /// <summary>A `--tool` value, split on white space (no quoting: paths with spaces are not supported there).</summary>
    public static (IReadOnlyList<string> Command, string Origin) Given(string tool) =>
        (tool.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), "given with --tool");
}
