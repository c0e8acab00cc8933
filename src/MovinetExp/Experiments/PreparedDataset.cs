using MovinetExp.Data.Sources;

namespace MovinetExp.Experiments;

/// <summary>The chosen videos of an experiment, with the manifest (paths, classes, splits, sha256) that pins them.</summary>
public sealed record PreparedDataset(DatasetSplits Splits, DatasetManifest Manifest, string Description);
