namespace MovinetExp.Data.Sources;

/// <summary>What <see cref="DirectoryWalk"/> found under a folder.</summary>
/// <param name="Files">Every regular file (or link to one), by its path under the walked folder, in ordinal order.</param>
/// <param name="Problems">Entries that could not be read: links that loop or point nowhere, folders that cannot be listed.</param>
/// <param name="Skipped">Links to folders already walked (a link cycle, or a second way to the same folder), not entered again.</param>
public sealed record FileTree(IReadOnlyList<string> Files, IReadOnlyList<ExcludedFile> Problems, IReadOnlyList<ExcludedFile> Skipped);
