using MovinetExp.IO.Downloads;
using MovinetExp.Common;

namespace MovinetExp.Data.Remote;

/// <summary>
/// Where a dataset zip is (<c>data.url</c>, the catalogue's dataset URL): an http(s) URL, a file:// URL,
/// or a plain path, relative to the spec file like every path in a spec, and the reader for it.
/// </summary>
public static class ZipLocation
{
    /// <summary>Why <paramref name="text"/> names no usable location (an unsupported scheme), or null when it does.</summary>
    public static string? Problem(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && !IsSupported(uri) && text.Contains("://", StringComparison.Ordinal)
            ? $"the '{uri.Scheme}' scheme is not supported; use an http(s):// URL, a file:// URL or a path"
            : null;

    /// <summary>The absolute URL of <paramref name="text"/>: URLs as they are, paths made absolute against <paramref name="baseDirectory"/>.</summary>
    /// <exception cref="DataException">The URL's scheme is not supported.</exception>
    public static Uri Resolve(string text, string baseDirectory)
    {
        if (Problem(text) is { } problem) throw new DataException($"Dataset location '{text}': {problem}.");
        if (text.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(text, UriKind.Absolute, out Uri? uri)) return uri;
        // UriBuilder escapes '#', '%' and spaces, which new Uri(path) would read as a fragment or an escape.
        return new UriBuilder { Scheme = Uri.UriSchemeFile, Host = "", Path = Path.GetFullPath(text, baseDirectory) }.Uri;
    }

    /// <summary>A range reader for <paramref name="location"/>: local for file URLs, HTTP otherwise.</summary>
    /// <param name="client">Optional HTTP client (tests, proxies); the shared one otherwise.</param>
    /// <param name="settings">Attempts for HTTP reads (the catalogue's download section); the defaults when null.</param>
    public static IByteRangeReader Reader(Uri location, HttpClient? client = null, DownloadSettings? settings = null)
    {
        if (location.IsFile) return new LocalFileRangeReader(location.LocalPath);
        if (IsSupported(location)) return new HttpRangeReader(location, client, settings);
        throw new DataException($"Dataset location '{location}': the '{location.Scheme}' scheme is not supported; use an http(s):// URL, a file:// URL or a path.");
    }

    private static bool IsSupported(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.IsFile;
}
