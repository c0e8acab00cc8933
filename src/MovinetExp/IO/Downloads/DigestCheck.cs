namespace MovinetExp.IO.Downloads;

/// <summary>How a cached download's SHA-256 was vouched for.</summary>
public enum DigestCheck
{
    /// <summary>Equal to the digest pinned by the caller (the catalogue's sha256).</summary>
    Pinned,

    /// <summary>Equal to the digest recorded when the file was first downloaded.</summary>
    MatchesRecord,

    /// <summary>Nothing to compare with yet: this first download's digest was recorded now.</summary>
    RecordedNow,
}
