using MovinetExp.Runs;
using MovinetExp.Catalog;
using MovinetExp.Specs;

namespace MovinetExp.Experiments;

/// <summary>
/// What `run` was asked to do. <paramref name="SpecDirectory"/> anchors the spec's relative paths;
/// <paramref name="ResumeDirectory"/> continues an interrupted run instead of starting a new one;
/// <paramref name="RunDirectory"/> creates the new run at that exact folder (a sweep point, whose place the sweep
/// fixed in advance) instead of a timestamped one under <paramref name="RunsRoot"/>, which still resolves
/// <c>run:NAME</c> checkpoints.
/// </summary>
public sealed record ExperimentRequest(ExperimentSpec Spec, string SpecDirectory, string RunsRoot, ToolCatalog Catalog,
    string CommandLine, string? ResumeDirectory = null, string? RunDirectory = null)
{
    /// <summary>`run SPEC`: a new run of the spec file (resolved, with <paramref name="overrides"/>) under <paramref name="runsRoot"/>.</summary>
    public static ExperimentRequest New(string specPath, IEnumerable<string> overrides, string runsRoot, ToolCatalog catalog, string commandLine)
    {
        var (spec, directory) = SpecResolution.Load(specPath, overrides, catalog);
        return new ExperimentRequest(spec, directory, Path.GetFullPath(runsRoot), catalog, commandLine);
    }

    /// <summary>`run --resume`: <paramref name="run"/> continued after its last finished epoch, with the spec it was
    /// started with (spec.resolved.yaml), under the runs root it lives in unless <paramref name="runsRoot"/> says otherwise.</summary>
    public static ExperimentRequest Resume(RunFolder run, ToolCatalog catalog, string commandLine,
        IEnumerable<string>? overrides = null, string? runsRoot = null)
    {
        var (spec, directory) = SpecResolution.Load(run.SpecResolvedYaml, overrides ?? [], catalog);
        return new ExperimentRequest(spec, directory, runsRoot ?? ExperimentRuns.RootOf(run), catalog, commandLine, ResumeDirectory: run.Directory);
    }
}
