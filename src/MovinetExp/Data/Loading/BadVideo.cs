namespace MovinetExp.Data.Loading;

/// <summary>A video the loader could not use, and why (the DataException message).</summary>
public sealed record BadVideo(string Path, string Reason);
