namespace MovinetExp.Models;

/// <summary>How a t×h×w convolution is built (TF option conv_type).</summary>
public enum ConvType
{
    /// <summary>"3d": one Conv3D per conv.</summary>
    Conv3d,

    /// <summary>"2plus1d": a per-frame 2D conv h×w then (if t&gt;1) a temporal conv t×1, each with BN and
    /// activation; TF stores Conv2D / DepthwiseConv2D kernels (released stream checkpoints).</summary>
    TwoPlusOneD,

    /// <summary>"3d_2plus1d": the same factorisation with Conv3D kernels 1×h×w and t×1×1
    /// (the layout the stream models were trained in).</summary>
    Conv3dTwoPlusOneD,
}
