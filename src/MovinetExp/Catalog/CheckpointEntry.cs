namespace MovinetExp.Catalog;

/// <summary>Where one released MoViNet checkpoint archive is downloaded from.</summary>
/// <param name="Url">Absolute http(s) URL of the .tar.gz archive.</param>
/// <param name="File">File name of the archive in the cache folder.</param>
/// <param name="Sha256">Expected SHA-256 (lowercase hex) of the archive, or null when not pinned.</param>
public sealed record CheckpointEntry(string Url, string File, string? Sha256);
