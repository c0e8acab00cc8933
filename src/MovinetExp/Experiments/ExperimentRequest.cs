using MovinetExp.Catalog;
using MovinetExp.Specs;

namespace MovinetExp.Experiments;

/// <summary>
/// What `run` was asked to do. <paramref name="SpecDirectory"/> anchors the spec's relative paths;
/// <paramref name="ResumeDirectory"/> continues an interrupted run instead of starting a new one.
/// </summary>
public sealed record ExperimentRequest(ExperimentSpec Spec, string SpecDirectory, string RunsRoot, ToolCatalog Catalog,
    string CommandLine, string? ResumeDirectory = null);
