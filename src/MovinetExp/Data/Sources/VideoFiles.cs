namespace MovinetExp.Data.Sources;

/// <summary>Which files count as videos: decided by extension only, because sources list files without decoding them.</summary>
public static class VideoFiles
{
    /// <summary>The accepted extensions (compared case-insensitively).</summary>
    public static readonly IReadOnlyList<string> Extensions = [".avi", ".mp4", ".mkv", ".mov", ".webm", ".m4v"];

    /// <summary>True when the path ends with one of <see cref="Extensions"/>, in any letter case.</summary>
    public static bool IsVideo(string path)
    {
        string ext = Path.GetExtension(path);
        return Extensions.Any(e => string.Equals(e, ext, StringComparison.OrdinalIgnoreCase));
    }
}
