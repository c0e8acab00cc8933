namespace MovinetExp.Data.Video;

/// <summary>Where a clip starts in its video.</summary>
public enum ClipStart
{
    /// <summary>The tutorial's random start (training).</summary>
    Random,

    /// <summary>The centre of the video, no randomness: the default for validation and test splits.</summary>
    Centre,
}
