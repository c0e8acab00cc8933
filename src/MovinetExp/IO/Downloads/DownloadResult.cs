namespace MovinetExp.IO.Downloads;

/// <summary>A finished download: where it is, its size and SHA-256, bytes fetched by this call, and whether it resumed a partial file.</summary>
public sealed record DownloadResult(string Path, long Length, string Sha256, long BytesTransferred, bool Resumed);
