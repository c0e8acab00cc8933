using System.Text;
using MovinetExp.Common;

namespace MovinetExp.Data.Sources;

/// <summary>One chosen file: path relative to the dataset root ('/' separators), class, split, sha256.</summary>
public sealed record ManifestEntry(string RelativePath, string ClassName, SplitName Split, string Sha256);

/// <summary>
/// The exact files a run used, so a run folder can prove which data it saw and two runs can be
/// compared by one hash. The text form is canonical (fixed column order, '\n' line ends), which
/// is what makes <see cref="Sha256"/> comparable across machines.
/// </summary>
public sealed class DatasetManifest
{
    private DatasetManifest(IReadOnlyList<ManifestEntry> entries)
    {
        Entries = entries;
        Text = BuildText(entries);
        Sha256 = FileHashes.Sha256(Encoding.UTF8.GetBytes(Text));
    }

    /// <summary>Entries in split order (train, val, test), each split in its list order.</summary>
    public IReadOnlyList<ManifestEntry> Entries { get; }

    /// <summary>Tab-separated text with a header line: path, class, split, sha256.</summary>
    public string Text { get; }

    /// <summary>SHA-256 of <see cref="Text"/> (UTF-8).</summary>
    public string Sha256 { get; }

    /// <summary>Hashes every file of <paramref name="splits"/>.</summary>
    public static DatasetManifest Build(DatasetSplits splits)
    {
        var entries = new List<ManifestEntry>();
        foreach (SplitName split in Enum.GetValues<SplitName>())
            foreach (VideoItem item in splits[split])
                entries.Add(new ManifestEntry(
                    Path.GetRelativePath(splits.Root, item.Path).Replace('\\', '/'),
                    item.ClassName, split, HashOrThrow(item.Path)));
        return new DatasetManifest(entries);
    }

    /// <summary>Writes <see cref="Text"/> to a file.</summary>
    public void Save(string path) => File.WriteAllText(path, Text, new UTF8Encoding(false));

    private static string HashOrThrow(string path)
    {
        try { return FileHashes.Sha256(path); }
        catch (IOException ex) { throw new DataException($"Cannot read video '{path}' to hash it: {ex.Message}", ex); }
        catch (UnauthorizedAccessException ex) { throw new DataException($"Cannot read video '{path}' to hash it: {ex.Message}", ex); }
    }

    private static string BuildText(IReadOnlyList<ManifestEntry> entries)
    {
        var sb = new StringBuilder("path\tclass\tsplit\tsha256\n");
        foreach (var e in entries)
            sb.Append(e.RelativePath).Append('\t').Append(e.ClassName).Append('\t')
              .Append(EnumNames.Of(e.Split)).Append('\t').Append(e.Sha256).Append('\n');
        return sb.ToString();
    }
}
