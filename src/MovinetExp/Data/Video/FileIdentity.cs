namespace MovinetExp.Data.Video;

/// <summary>
/// A file as it is on disk now: full path, size and last-write time. Cheap to compute (no hashing)
/// and changes whenever the file is replaced, so it keys memos and caches of decoded data.
/// </summary>
public sealed record FileIdentity(string FullPath, long Size, long LastWriteTicksUtc)
{
    public static FileIdentity Of(string path)
    {
        var info = new FileInfo(path);
        return new FileIdentity(info.FullName, info.Exists ? info.Length : -1, info.Exists ? info.LastWriteTimeUtc.Ticks : 0);
    }

    /// <summary>One line that names this version of the file, for hashing into cache keys.</summary>
    public string Key => $"{FullPath}|{Size}|{LastWriteTicksUtc}";
}
