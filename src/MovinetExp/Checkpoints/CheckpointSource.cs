using MovinetExp.Catalog;
using MovinetExp.Common;
using MovinetExp.IO.Downloads;
using MovinetExp.IO.Archives;

namespace MovinetExp.Checkpoints;

/// <summary>A checkpoint ready to read: its prefix and the sha256 that identifies it in run records.</summary>
/// <param name="DigestCheck">For a released checkpoint, what its archive's sha256 was checked against (printed with the digest); null otherwise.</param>
public sealed record ResolvedCheckpoint(string Prefix, string Sha256, string Origin, string? DigestCheck = null);

/// <summary>
/// Finds the TensorFlow checkpoint a spec or command names: a released checkpoint from the catalogue
/// (downloaded once, verified, unpacked safely into the cache), a local prefix/.index/folder, or a
/// local <c>.tar.gz</c> archive (unpacked into the cache).
/// </summary>
public static class CheckpointSource
{
    /// <summary>
    /// Downloads (or reuses) a released checkpoint archive, checks its sha256 (against the catalogue's pin, else the
    /// digest recorded on first download) and unpacks it. An archive that fails a check or does not unpack to a
    /// checkpoint (an HTML error page, say) is removed from the cache, so the next fetch downloads it again.
    /// </summary>
    /// <exception cref="DataException">The download failed (network, server): exit code 3.</exception>
    /// <exception cref="CheckpointException">The file is not the expected one or not a checkpoint archive: exit code 4.</exception>
    public static async Task<ResolvedCheckpoint> FetchAsync(CheckpointEntry entry, ToolCatalog catalog,
        IProgress<(long Done, long? Total)>? progress, CancellationToken cancellation)
    {
        var url = new Uri(entry.Url);
        string archive = Path.Combine(catalog.CacheFolder, "checkpoints", entry.File);
        Directory.CreateDirectory(Path.GetDirectoryName(archive)!);
        VerifiedFile verified;
        try
        {
            verified = await VerifiedDownload.EnsureAsync(url, archive, entry.Sha256, new ResumableDownloader(settings: catalog.Download),
                progress, cancellation, reject: message => new CheckpointException(message));
        }
        catch (DataException e)
        {
            throw new DataException(
                $"{e.Message}\n" +
                $"Without network access, download {entry.File} elsewhere and either copy it to {archive} " +
                "or set `model.checkpoint:` in the spec (or pass --checkpoint) to the local .tar.gz or unpacked folder.", e);
        }
        try
        {
            return FromArchive(archive, catalog.CacheFolder, $"released checkpoint {url}") with { DigestCheck = verified.CheckText };
        }
        catch (CheckpointException e)
        {
            // Otherwise the bad file (and its digest) would be reused by every later fetch, which could never succeed.
            string start = StartOf(archive);
            VerifiedDownload.Discard(archive);
            throw new CheckpointException(
                $"{e.Message}\nThe file from {url} is not a MoViNet checkpoint archive{start}; it was removed from the cache, " +
                $"so the next fetch downloads it again. If it keeps happening, check the URL of {entry.File} in the catalogue {catalog.SourcePath}.", e);
        }
    }

    // A web page served instead of the archive is the usual culprit (a login or error page); show what the file starts with.
    private static string StartOf(string file)
    {
        var head = new byte[48];
        int n;
        using (var stream = File.OpenRead(file)) n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (n >= 2 && head[0] == 0x1f && head[1] == 0x8b) return "";
        string text = new(head.Take(n).Select(b => b is >= 0x20 and < 0x7f ? (char)b : ' ').ToArray());
        return text.Trim().Length == 0 ? " (it is not gzip data)" : $" (it is not gzip data; it starts with \"{text.Trim()}\")";
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
