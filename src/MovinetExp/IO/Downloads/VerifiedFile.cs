namespace MovinetExp.IO.Downloads;

/// <summary>A cached download that passed its digest checks: where it is, its SHA-256, and what the digest was checked against.</summary>
/// <param name="RecordPath">The file holding the digest recorded on first download.</param>
public sealed record VerifiedFile(string Path, string Sha256, DigestCheck Check, string RecordPath)
{
    /// <summary>The check in words, for the line that prints the digest.</summary>
    public string CheckText => Check switch
    {
        DigestCheck.Pinned => "matches the catalogue's pinned sha256",
        DigestCheck.MatchesRecord => $"matches the digest recorded on first download in {RecordPath}",
        _ => $"first download: recorded in {RecordPath}; later downloads must match it",
    };
}
