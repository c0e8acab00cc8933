namespace MovinetExp.Catalog;

/// <summary>Where a dataset archive is downloaded from.</summary>
/// <param name="Url">Absolute http(s) URL.</param>
public sealed record DatasetEntry(string Url);
