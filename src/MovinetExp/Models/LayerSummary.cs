namespace MovinetExp.Models;

/// <summary>One convolution (or pooling) of the model as it runs on a given input size.</summary>
/// <param name="Name">Layer path, e.g. block1_layer0/feature/temporal.</param>
/// <param name="Kind">conv3d, conv2d, depthwise_conv2d, avg_pool, global_pool, ….</param>
/// <param name="OutputShape">[C, T, H, W] for batch 1.</param>
/// <param name="Parameters">Trainable values of this layer (kernel and bias; BN not included).</param>
/// <param name="Macs">Multiply-accumulates for batch 1.</param>
public sealed record LayerSummary(
    string Name, string Kind, long InChannels, long OutChannels, string Kernel, string Stride,
    long[] OutputShape, long Parameters, long Macs);
