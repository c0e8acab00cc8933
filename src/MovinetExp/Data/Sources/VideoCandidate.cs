namespace MovinetExp.Data.Sources;

/// <summary>
/// A video a source found, before selection. <see cref="Partition"/> is the split the dataset itself
/// assigns (a <c>test/</c> folder, a UCF101 test list), or null when the dataset is one undivided pool.
/// </summary>
public sealed record VideoCandidate(string Path, string ClassName, SplitName? Partition = null)
{
    /// <summary>The UCF101 group parsed from the file name, or null.</summary>
    public string? Group { get; } = Ucf101FileName.GroupOf(Path);
}
