namespace MovinetExp.Inference;

/// <summary>One clip to classify: RGB in [0,1], laid out [T,H,W,3]; <see cref="Name"/> says where it came from.</summary>
public sealed record InputClip(string Name, float[] Pixels, int Frames, int Height, int Width)
{
    public int FrameLength => Height * Width * 3;
}

/// <summary>An input that could not be read; the other inputs still get answers.</summary>
public sealed record InputFailure(string Name, string Reason);
