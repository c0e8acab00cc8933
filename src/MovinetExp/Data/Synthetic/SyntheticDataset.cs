namespace MovinetExp.Data.Synthetic;

/// <summary>A generated synthetic set: every video with its label, and whether an existing set was reused.</summary>
public sealed record SyntheticDataset(string Root, IReadOnlyList<string> ClassNames, IReadOnlyList<VideoItem> Items, bool Reused);
