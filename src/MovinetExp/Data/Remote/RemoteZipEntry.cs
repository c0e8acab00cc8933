namespace MovinetExp.Data.Remote;

/// <summary>One entry of a zip's central directory.</summary>
/// <param name="Name">Entry name as stored ('/' separators).</param>
/// <param name="Method">0 = stored, 8 = deflate (the only ones supported for extraction).</param>
/// <param name="Flags">General purpose flags (bit 0 = encrypted).</param>
public sealed record RemoteZipEntry(
    string Name,
    long CompressedSize,
    long UncompressedSize,
    ushort Method,
    ushort Flags,
    long LocalHeaderOffset,
    uint Crc32)
{
    /// <summary>Directory entries end with '/'.</summary>
    public bool IsDirectory => Name.EndsWith('/');
}
