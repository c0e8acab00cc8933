namespace MovinetExp.Numerics;

/// <summary>The three shapes of convolution MoViNet uses; each is served by a different family of kernels.</summary>
public enum ConvKind
{
    /// <summary>1×1×1, stride 1, no padding, one group: a matrix product over channels.</summary>
    Pointwise,

    /// <summary>One group per channel (the block's feature convs, 3D or factorised).</summary>
    Depthwise,

    /// <summary>Any other convolution (the stem: 3 input channels, 1×3×3 or 3×3×3, stride 2).</summary>
    Dense,
}
