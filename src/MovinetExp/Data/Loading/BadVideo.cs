namespace MovinetExp.Data.Loading;

/// <summary>A video the loader could not use, and why (the DataException message).</summary>
public sealed record BadVideo(string Path, string Reason);

/// <summary>What the loader does with a video that cannot be decoded.</summary>
public enum BadVideoPolicy
{
    /// <summary>Stop with the video's DataException (the default: bad data should be fixed, not hidden).</summary>
    Fail,

    /// <summary>Leave the video out of its batch, report it once, and go on.</summary>
    Skip,
}
