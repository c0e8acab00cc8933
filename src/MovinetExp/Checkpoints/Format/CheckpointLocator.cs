using System.Text.RegularExpressions;
using MovinetExp.Common;

namespace MovinetExp.Checkpoints.Format;

/// <summary>
/// Turns what a user types into a checkpoint prefix: the prefix itself, its <c>.index</c> or
/// <c>.data-*</c> file, or a folder holding a <c>checkpoint</c> state file or exactly one <c>.index</c>.
/// </summary>
public static partial class CheckpointLocator
{
    [GeneratedRegex(@"\.data-\d{5}-of-\d{5}$")]
    private static partial Regex DataFileSuffix();

    /// <summary>The prefix whose <c>.index</c> file exists.</summary>
    /// <exception cref="CheckpointException">Nothing that looks like a checkpoint is found.</exception>
    public static string ResolvePrefix(string pathOrPrefix)
    {
        if (string.IsNullOrWhiteSpace(pathOrPrefix))
            throw new CheckpointException("No checkpoint path given. Pass a checkpoint prefix, its .index file, or its folder.");
        string path = Path.GetFullPath(pathOrPrefix);
        if (Directory.Exists(path)) return FromFolder(path);
        if (path.EndsWith(BundleFileNames.IndexSuffix, StringComparison.Ordinal) && File.Exists(path))
            return path[..^BundleFileNames.IndexSuffix.Length];
        if (File.Exists(BundleFileNames.IndexPath(path))) return path;
        var dataSuffix = DataFileSuffix().Match(path);
        if (dataSuffix.Success && File.Exists(BundleFileNames.IndexPath(path[..dataSuffix.Index])))
            return path[..dataSuffix.Index];
        throw new CheckpointException(
            $"No TensorFlow checkpoint at '{pathOrPrefix}': '{BundleFileNames.IndexPath(path)}' does not exist. " +
            "Pass a checkpoint prefix (e.g. 'ckpt/ckpt-40' for ckpt/ckpt-40.index), its .index file, " +
            "or a folder with a 'checkpoint' file or exactly one .index file.");
    }

    private static string FromFolder(string folder)
    {
        string stateFile = Path.Combine(folder, CheckpointStateFile.FileName);
        if (File.Exists(stateFile)) return FromStateFile(folder, stateFile);
        var indexes = Directory.GetFiles(folder, "*" + BundleFileNames.IndexSuffix);
        if (indexes.Length == 1) return indexes[0][..^BundleFileNames.IndexSuffix.Length];
        string found = indexes.Length == 0
            ? "no .index file"
            : $"{indexes.Length} .index files ({string.Join(", ", indexes.Select(Path.GetFileName).Order(StringComparer.Ordinal))})";
        throw new CheckpointException(
            $"Folder '{folder}' has no '{CheckpointStateFile.FileName}' file and {found}. " +
            "Pass the checkpoint prefix or its .index file instead of the folder.");
    }

    private static string FromStateFile(string folder, string stateFile)
    {
        string text;
        try
        {
            text = File.ReadAllText(stateFile);
        }
        catch (IOException ex)
        {
            throw new CheckpointException($"Cannot read '{stateFile}': {ex.Message}", ex);
        }
        string named = CheckpointStateFile.ParseModelCheckpointPath(text, stateFile);
        string prefix = Path.GetFullPath(Path.Combine(folder, named)); // Combine keeps an absolute path as is
        if (File.Exists(BundleFileNames.IndexPath(prefix))) return prefix;
        // Absolute paths written on another machine still work when the files were copied beside the state file.
        string besideStateFile = Path.Combine(folder, Path.GetFileName(named));
        if (File.Exists(BundleFileNames.IndexPath(besideStateFile))) return besideStateFile;
        throw new CheckpointException(
            $"'{stateFile}' names checkpoint '{named}', but '{BundleFileNames.IndexPath(prefix)}' does not exist. " +
            "Copy the checkpoint's .index and .data-* files next to it, or pass the prefix of an existing checkpoint.");
    }
}
