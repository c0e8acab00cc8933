namespace MovinetExp.Data;

/// <summary>One video of a split: file path, class index, class name, group id (e.g. UCF101 gNN; null if none).</summary>
public sealed record VideoItem(string Path, int Label, string ClassName, string? Group = null);
