using MovinetExp.Common;

namespace MovinetExp.Data.Video;

/// <summary>Where a clip starts in its video; the spec's <c>data.train_sampling</c> and <c>data.test_sampling</c>.</summary>
public enum ClipStart
{
    /// <summary>The tutorial's random start (training).</summary>
    Random,

    /// <summary>The centre of the video, no randomness: the default for validation and test splits. The spec has
    /// always called it "deterministic" (the word says what matters for evaluation: no randomness).</summary>
    [EnumName("deterministic")]
    Centre,
}
