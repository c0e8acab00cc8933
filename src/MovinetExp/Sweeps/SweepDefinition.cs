namespace MovinetExp.Sweeps;

/// <summary>
/// What a sweep is, as recorded in sweep.json when it is created: the spec and overrides every point shares,
/// the grid and its expanded points, where `run:NAME` checkpoints are looked up, how points are executed and
/// how the tool is started for one point (<see cref="ToolCommand"/>). Written once: a scheduler task reads its
/// point from here, so nothing about a point travels on a command line, and the Slurm jobs handed out later
/// are appended to a file of their own (<see cref="SweepFolder.Submissions"/>) so that no update races another.
/// </summary>
/// <param name="Spec">Absolute path of the spec file.</param>
/// <param name="Overrides">`--set` and `--expect-all` overrides applied to every point, before its grid values.</param>
/// <param name="RunsRoot">The `--runs` folder: where `checkpoint: run:NAME` looks for completed runs.</param>
/// <param name="Catalog">The `--catalog` file the sweep was given (absolute), or null for the tool's own.</param>
/// <param name="Executor">"local" or "slurm".</param>
/// <param name="ToolCommand">The command line that starts this tool, e.g. ["/usr/share/dotnet/dotnet", ".../movinet.dll"].</param>
/// <param name="ToolCommandOrigin">How <paramref name="ToolCommand"/> was chosen (for people reading sweep.json).</param>
public sealed record SweepDefinition(
    string Experiment,
    string Spec,
    IReadOnlyList<string> Overrides,
    IReadOnlyList<GridAxis> Grid,
    IReadOnlyList<SweepPoint> Points,
    string RunsRoot,
    string? Catalog,
    string Executor,
    IReadOnlyList<string> ToolCommand,
    string ToolCommandOrigin,
    string CommandLine,
    DateTime CreatedUtc,
    SlurmOptions? Slurm = null);
