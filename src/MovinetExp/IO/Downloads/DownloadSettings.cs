namespace MovinetExp.IO.Downloads;

/// <summary>
/// How long a download may wait and how often it is tried. A server that accepts the connection and
/// never answers (or stops sending mid-file) must not hold a command forever: each wait is bounded by
/// <see cref="ReadTimeout"/>, and after <see cref="Attempts"/> tries the download fails. Set in the tool
/// catalogue's <c>download</c> section.
/// </summary>
/// <param name="ConnectTimeout">Longest wait for the TCP (and TLS) connection.</param>
/// <param name="ReadTimeout">Longest wait for the response headers and, after them, for each block of the body.</param>
/// <param name="Attempts">Tries in all (1 = no retry); each retry resumes from the bytes already received.</param>
/// <param name="RetryDelay">Pause before the second try; it doubles before each further one.</param>
public sealed record DownloadSettings(TimeSpan ConnectTimeout, TimeSpan ReadTimeout, int Attempts, TimeSpan RetryDelay)
{
    public static DownloadSettings Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), 3, TimeSpan.FromSeconds(1));
}
