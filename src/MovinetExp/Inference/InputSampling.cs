using MovinetExp.Data.Video;

namespace MovinetExp.Inference;

/// <summary>How videos are turned into model input for prediction and streaming.</summary>
public sealed record InputSampling(int Frames, int FrameStep, int Resolution, ResizeMode Resize)
{
    /// <summary>Training resolution of the released models (../shared/design/movinet-architecture.md §8.2),
    /// their best input size.</summary>
    public static int ReleasedResolution(string modelId) => modelId switch
    {
        "a0" or "a1" => 172,
        "a2" => 224,
        "a3" => 256,
        "a4" => 290,
        _ => 320,
    };

    public ClipSampling Clip => new(Frames, FrameStep);
    public FrameFormat Format => new(Resolution, Resolution, Resize);
}
