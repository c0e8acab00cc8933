namespace MovinetExp.Data.Sources;

/// <summary>A file a source saw but did not use, and why (not a video, empty, listed but missing...).</summary>
public sealed record ExcludedFile(string Path, string Reason);
