using MovinetExp.Common;

namespace MovinetExp.Runs;

/// <summary>
/// The runs of experiments under a runs root (<c>&lt;runsRoot&gt;/&lt;experiment&gt;/&lt;run&gt;/</c>, see
/// <see cref="RunFolder"/>): which one a `run:NAME` checkpoint means, and which one `run --resume` may
/// continue. Run folder names start with their UTC creation time, so ordinal order is age order.
/// </summary>
public static class ExperimentRuns
{
    /// <summary>The newest completed run of <paramref name="experiment"/>, or null when it has none.</summary>
    public static RunFolder? LatestCompleted(string runsRoot, string experiment)
    {
        string folder = Path.Combine(runsRoot, experiment);
        return Directory.Exists(folder)
            ? Directory.EnumerateDirectories(folder).OrderDescending(StringComparer.Ordinal)
                .Select(RunFolder.Open).FirstOrDefault(r => r.ReadStatus().State == RunState.Completed)
            : null;
    }

    /// <summary>The run at <paramref name="directory"/>, to be continued after its last finished epoch.</summary>
    /// <exception cref="UsageException">The run already completed: there is nothing to resume.</exception>
    public static RunFolder ForResume(string directory)
    {
        var run = RunFolder.Open(directory);
        if (run.ReadStatus().State == RunState.Completed)
            throw new UsageException($"Run '{run.Directory}' already completed; there is nothing to resume. Start a new run with `dotnet movinet run SPEC`.");
        return run;
    }

    /// <summary>The runs root a run folder lives in (two levels up).</summary>
    public static string RootOf(RunFolder run) => Path.GetDirectoryName(Path.GetDirectoryName(run.Directory)!)!;
}
