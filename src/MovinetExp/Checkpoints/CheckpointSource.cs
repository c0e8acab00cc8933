using MovinetExp.Common;
using MovinetExp.Data.Remote;

namespace MovinetExp.Checkpoints;

/// <summary>A checkpoint ready to read: its prefix and the sha256 that identifies it in run records.</summary>
public sealed record ResolvedCheckpoint(string Prefix, string Sha256, string Origin);

/// <summary>
/// Finds the TensorFlow checkpoint a spec or command names: a released checkpoint from the catalogue
/// (downloaded once, verified, unpacked safely into the cache), a local prefix/.index/folder, or a
/// local <c>.tar.gz</c> archive (unpacked into the cache).
/// </summary>
public static class CheckpointSource
{
    /// <summary>Downloads (or reuses) a released checkpoint archive and unpacks it.</summary>
    public static async Task<ResolvedCheckpoint> FetchAsync(Uri url, string fileName, string? expectedSha256, string cacheFolder,
        IProgress<(long Done, long? Total)>? progress, CancellationToken cancellation)
    {
        string archive = Path.Combine(cacheFolder, "checkpoints", fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(archive)!);
        try
        {
            await VerifiedDownload.EnsureAsync(url, archive, expectedSha256, progress: progress, ct: cancellation);
        }
        catch (DataException e)
        {
            throw new CheckpointException(
                $"Could not download the checkpoint {url}: {e.Message}\n" +
                $"Without network access, download {fileName} elsewhere and either copy it to {archive} " +
                "or set `model.checkpoint:` in the spec (or pass --checkpoint) to the local .tar.gz or unpacked folder.", e);
        }
        return FromArchive(archive, cacheFolder, $"released checkpoint {url}");
    }

    /// <summary>A local path: a .tar.gz archive, a prefix, an .index file, or a folder with a `checkpoint` file.</summary>
    public static ResolvedCheckpoint FromPath(string path, string cacheFolder)
    {
        if (path.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase))
        {
            if (!File.Exists(path))
                throw new CheckpointException($"Checkpoint archive '{path}' does not exist. Check model.checkpoint in the spec or the --checkpoint option.");
            return FromArchive(path, cacheFolder, $"archive {path}");
        }
        using var reader = Format.TensorBundleReader.Open(path);
        return new ResolvedCheckpoint(reader.Prefix, BundleHash(reader.Prefix, reader.Header.NumShards), $"checkpoint {reader.Prefix}");
    }

    private static ResolvedCheckpoint FromArchive(string archive, string cacheFolder, string origin)
    {
        string sha = FileHashes.Sha256(archive);
        string target = Path.Combine(cacheFolder, "checkpoints", "unpacked", sha[..16]);
        if (!Directory.Exists(target))
        {
            string temp = target + ".partial";
            if (Directory.Exists(temp)) Directory.Delete(temp, true);
            try
            {
                SafeTarGzExtractor.Extract(archive, temp);
            }
            catch (DataException e)
            {
                throw new CheckpointException($"Checkpoint archive '{archive}' could not be unpacked: {e.Message}", e);
            }
            Directory.Move(temp, target);
        }
        string folder = FindCheckpointFolder(target, archive);
        using var reader = Format.TensorBundleReader.Open(folder);
        return new ResolvedCheckpoint(reader.Prefix, sha, origin);
    }

    // Released archives unpack to one folder (e.g. movinet_a0_base/) holding `checkpoint` and ckpt-1.*.
    private static string FindCheckpointFolder(string root, string archive)
    {
        var candidates = Directory.EnumerateFiles(root, "*.index", SearchOption.AllDirectories)
            .Select(Path.GetDirectoryName).Distinct().ToList();
        return candidates.Count switch
        {
            1 => candidates[0]!,
            0 => throw new CheckpointException($"Archive '{archive}' holds no TensorFlow checkpoint (no .index file). Is it a MoViNet checkpoint archive?"),
            _ => throw new CheckpointException($"Archive '{archive}' holds checkpoints in several folders ({string.Join(", ", candidates)}); unpack it and pass the folder you want."),
        };
    }

    /// <summary>Identifies an unpacked checkpoint: sha256 over its index and data files' hashes.</summary>
    private static string BundleHash(string prefix, int shards)
    {
        var parts = new List<string> { FileHashes.Sha256(Format.BundleFileNames.IndexPath(prefix)) };
        for (int s = 0; s < shards; s++)
        {
            string data = Format.BundleFileNames.DataPath(prefix, s, shards);
            // The index opened, but a data shard may be missing or misnamed (TF names them exactly like this).
            if (!File.Exists(data))
                throw new CheckpointException($"Checkpoint '{prefix}' is incomplete: its data file '{data}' is missing (the index lists {shards} shard(s)). " +
                    "Copy all files of the checkpoint, keeping TensorFlow's names (`dotnet movinet checkpoint inspect` lists what can be read).");
            parts.Add(FileHashes.Sha256(data));
        }
        return FileHashes.Sha256(System.Text.Encoding.ASCII.GetBytes(string.Join("\n", parts)));
    }
}
