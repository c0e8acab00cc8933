using System.Security.Cryptography;

namespace MovinetExp.Common;

/// <summary>SHA-256 of files, as lowercase hex: what the run folder records and what downloads are checked against.</summary>
public static class FileHashes
{
    public static string Sha256(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
