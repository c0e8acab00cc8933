using System.Formats.Tar;
using System.IO.Compression;
using MovinetExp.Common;

namespace MovinetExp.IO.Archives;

/// <summary>
/// Extracts a .tar.gz (e.g. <c>movinet_a0_base.tar.gz</c>) into a folder, refusing anything a
/// checkpoint archive never needs and an attacker would: entries escaping the folder, symbolic and
/// hard links, devices and FIFOs, and sizes over <see cref="TarExtractionLimits"/>. Files are first
/// extracted into a staging folder, so a refused archive leaves the target untouched.
/// </summary>
public static class SafeTarGzExtractor
{
    /// <summary>Extracts the archive and returns the full paths of the files written, in archive order.</summary>
    public static IReadOnlyList<string> Extract(string archivePath, string targetFolder, TarExtractionLimits? limits = null)
    {
        limits ??= TarExtractionLimits.Default;
        if (!File.Exists(archivePath))
            throw new DataException($"Archive '{archivePath}' does not exist.");
        string target = Path.GetFullPath(targetFolder);
        string staging = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.extracting-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var relative = ExtractToStaging(archivePath, staging, limits);
            return MoveInto(staging, target, relative);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private static List<string> ExtractToStaging(string archivePath, string staging, TarExtractionLimits limits)
    {
        var files = new List<string>();
        long total = 0;
        int count = 0;
        try
        {
            using var file = File.OpenRead(archivePath);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new TarReader(gzip);
            while (reader.GetNextEntry() is { } entry)
            {
                if (++count > limits.MaxEntries)
                    throw Refused(archivePath, entry.Name, $"the archive has more than {limits.MaxEntries} entries");
                // A global PAX header only carries defaults for later entries; "./" is the archive's own root.
                if (entry.EntryType == TarEntryType.GlobalExtendedAttributes) continue;
                if (entry.EntryType == TarEntryType.Directory && entry.Name is "." or "./") continue;
                string path = SafeEntryPath.Resolve(staging, entry.Name, $"archive '{archivePath}'");
                switch (entry.EntryType)
                {
                    case TarEntryType.Directory:
                        Directory.CreateDirectory(path);
                        break;
                    case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                        if (entry.Length > limits.MaxEntryBytes)
                            throw Refused(archivePath, entry.Name, $"it is {entry.Length} bytes, over the {limits.MaxEntryBytes}-byte limit per entry");
                        total += entry.Length;
                        if (total > limits.MaxTotalBytes)
                            throw Refused(archivePath, entry.Name, $"the files add up to more than the {limits.MaxTotalBytes}-byte limit");
                        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                        using (var output = new FileStream(path, FileMode.Create, FileAccess.Write))
                            entry.DataStream?.CopyTo(output);
                        files.Add(Path.GetRelativePath(staging, path));
                        break;
                    default:
                        throw Refused(archivePath, entry.Name, $"it is a {Describe(entry.EntryType)}, which a checkpoint archive never needs");
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new DataException($"Archive '{archivePath}' is not a valid .tar.gz ({ex.Message}); download it again.", ex);
        }
        return files;
    }

    private static List<string> MoveInto(string staging, string target, List<string> relative)
    {
        var written = new List<string>();
        foreach (string rel in relative)
        {
            string destination = Path.Combine(target, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Move(Path.Combine(staging, rel), destination, overwrite: true);
            written.Add(destination);
        }
        Directory.CreateDirectory(target);
        return written;
    }

    private static string Describe(TarEntryType type) => type switch
    {
        TarEntryType.SymbolicLink => "symbolic link",
        TarEntryType.HardLink => "hard link",
        TarEntryType.CharacterDevice or TarEntryType.BlockDevice => "device",
        TarEntryType.Fifo => "FIFO",
        _ => $"{type} entry",
    };

    private static DataException Refused(string archivePath, string entryName, string why) =>
        new($"Refusing archive entry '{entryName}' in archive '{archivePath}': {why}. The archive may be malicious or corrupt; " +
            "do not use it, and get the file from its official source.");
}
