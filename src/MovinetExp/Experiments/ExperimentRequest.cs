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
    string CommandLine, string? ResumeDirectory = null, string? RunDirectory = null);
