namespace MovinetExp.Numerics;

/// <summary>What a convolution is used for: backward passes run other kernels than the forward.</summary>
public enum ConvPass
{
    /// <summary>Forward only (inference, frozen layers).</summary>
    Forward,

    /// <summary>Forward, then gradients of the input and the weights (training).</summary>
    Training,
}
