namespace MovinetExp.Data.Loading;

/// <summary>
/// What the loader does with a video that cannot be decoded; the spec's <c>data.bad_files</c> (skip, fail).
/// The members are in the order the spec schema lists them.
/// </summary>
public enum BadVideoPolicy
{
    /// <summary>Leave the video out of its batch, report it once, and go on (the spec's default: one broken file
    /// in a downloaded dataset should not stop a run).</summary>
    Skip,

    /// <summary>Stop with the video's DataException (the loader's own default: bad data should be fixed, not hidden).</summary>
    Fail,
}
