namespace MovinetExp.Data.Sources;

/// <summary>
/// The outcome of a source: chosen classes (label i is ClassNames[i]), the videos of each split, and the
/// files that were seen but left out. Video paths are absolute; <see cref="Root"/> is what manifests are
/// relative to. Excluded paths are as the source saw them (absolute files, or zip entry names).
/// </summary>
public sealed record DatasetSplits(
    string Root,
    IReadOnlyList<string> ClassNames,
    IReadOnlyList<VideoItem> Train,
    IReadOnlyList<VideoItem> Val,
    IReadOnlyList<VideoItem> Test,
    IReadOnlyList<ExcludedFile> Excluded)
{
    /// <summary>The videos of one split.</summary>
    public IReadOnlyList<VideoItem> this[SplitName split] => split switch
    {
        SplitName.Train => Train,
        SplitName.Val => Val,
        _ => Test,
    };

    /// <summary>Hashes every chosen file and lists it with its class and split (see <see cref="DatasetManifest"/>).</summary>
    public DatasetManifest BuildManifest() => DatasetManifest.Build(this);
}
