using static TorchSharp.torch;

namespace MovinetExp.Numerics;

/// <summary>
/// channels_last_3d memory order for [B,C,T,H,W] tensors (strides of [B,T,H,W,C]) without changing the
/// shape. TorchSharp 0.107 exposes no memory_format argument, but LibTorch reads the format from the
/// strides, and convolutions, batch norm and padding keep it, so converting the input once runs the whole
/// network channels-last. Measured on this project's 2-core CPU for A0 base, batch 2, 8×172×172:
/// inference 71–74 ms vs 77–91 ms contiguous (best of 8), forward+backward 1.3 s vs 2.6 s.
/// </summary>
public static class MemoryLayout
{
    public static Tensor ToChannelsLast(Tensor x) => x.permute(0, 2, 3, 4, 1).contiguous().permute(0, 4, 1, 2, 3);

    /// <summary>Zeros of the given [B,C,T,H,W] shape in either layout, with <paramref name="like"/>'s type and
    /// device (allocated in the layout directly: a conversion afterwards would copy them).</summary>
    public static Tensor Zeros(long[] shape, bool channelsLast, Tensor like) => channelsLast
        ? zeros(new[] { shape[0], shape[2], shape[3], shape[4], shape[1] }, like.dtype, like.device).permute(0, 4, 1, 2, 3)
        : zeros(shape, like.dtype, like.device);

    /// <summary>Whether the channel axis of a 5-D tensor is the innermost in memory (channels-last).</summary>
    public static bool IsChannelsLast(Tensor x)
    {
        // Strides of size-1 axes are arbitrary in LibTorch; the channel axis being innermost is what counts.
        return x.dim() == 5 && (x.shape[1] == 1 || x.stride(1) == 1);
    }
}
