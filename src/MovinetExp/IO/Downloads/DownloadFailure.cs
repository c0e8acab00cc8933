using MovinetExp.Common;

namespace MovinetExp.IO.Downloads;

/// <summary>
/// Turns network failures into the user-facing <see cref="DataException"/>: the URL, what went wrong,
/// and that a local copy can be given instead (callers add where exactly).
/// </summary>
internal static class DownloadFailure
{
    public const string LocalFileHint = "Check the network connection, or download the file elsewhere and pass a local file path instead.";

    /// <summary>True for the exceptions a flaky or absent network produces (but not user cancellation).</summary>
    public static bool IsNetworkError(Exception ex, CancellationToken ct) => ex switch
    {
        HttpRequestException or IOException => true,
        // HttpClient follows redirects itself and fails this way when the server redirects to a file: URL
        // or to an address that is no URL: a bad answer from the server, like any other.
        UriFormatException => true,
        // HttpClient reports its own timeout as a cancellation the caller never asked for.
        TaskCanceledException when !ct.IsCancellationRequested => true,
        _ => false,
    };

    /// <summary>What went wrong, for a sentence that goes on after it (no final full stop).</summary>
    public static string Describe(Exception ex) => ex.Message.TrimEnd('.', ' ');

    public static DataException From(Uri url, Exception ex) => ex is UriFormatException
        ? new($"Cannot download {url}: the server redirected to an address that cannot be downloaded (not an http or https URL: {ex.Message}). {LocalFileHint}", ex)
        : new($"Cannot download {url}: {ex.Message}. {LocalFileHint}", ex);

    public static DataException Status(Uri url, int status, string? reason) =>
        new($"Cannot download {url}: the server answered {status} {reason}. {LocalFileHint}");
}
