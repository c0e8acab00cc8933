using static TorchSharp.torch;

namespace MovinetExp.Numerics;

/// <summary>
/// The random activations convolution checks run on: views into one process-wide buffer of values
/// uniform in [-0.5, 0.5), grown when a larger operand is asked for. A first run checks every problem
/// of a model, and drawing fresh random tensors at each layer's full size cost more than a second of a
/// training check at A0 batch 8, 172 px (most of it first touches of new memory, not the generator); a
/// view costs nothing. Each problem reads the buffer from its own offset, so problems see different
/// data, and an operand has exactly the strides of a tensor made in its layout, so it runs the same
/// kernel. Value i of the buffer depends only on i (it is made in fixed blocks, each from its own seed),
/// so a problem gets the same data in every process, whatever was checked before it. The buffer lives
/// as long as the process and is about the size of the largest operand checked so far, a fraction of
/// what the model itself allocates.
/// </summary>
public static class CheckData
{
    private const ulong Seed = 20261206;

    /// <summary>Values per block of the buffer; also the room beyond an operand that offsets vary in.</summary>
    private const long Block = 1 << 20;

    /// <summary>64 bytes: LibTorch's own allocations are aligned so, and kernels may take other paths
    /// on misaligned data.</summary>
    private const long Alignment = 16;

    private static readonly object Gate = new();
    private static Tensor? buffer;

    /// <summary>
    /// A [B,C,T,H,W] tensor of the buffer's values in the chosen layout, read from an offset chosen by
    /// <paramref name="key"/>. The tensor shares the buffer's memory: never write into it.
    /// </summary>
    public static Tensor Uniform(long[] shape, bool channelsLast, long key)
    {
        long count = shape.Aggregate(1L, (a, b) => a * b);
        long offset = (long)((ulong)key % (ulong)(Block / Alignment)) * Alignment;
        var flat = Pool(offset + count).narrow(0, offset, count);
        return channelsLast
            ? flat.view(shape[0], shape[2], shape[3], shape[4], shape[1]).permute(0, 4, 1, 2, 3)
            : flat.view(shape);
    }

    private static Tensor Pool(long count)
    {
        lock (Gate)
        {
            long have = buffer?.shape[0] ?? 0;
            if (have >= count) return buffer!;
            // Growing by half at least keeps the copies few when operands grow layer by layer.
            long blocks = Math.Max((count + Block - 1) / Block, have / Block * 3 / 2);
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var parts = new List<Tensor>();
            if (buffer is not null) parts.Add(buffer);
            for (long b = have / Block; b < blocks; b++)
            {
                using var generator = new Generator(Seed + (ulong)b);
                parts.Add(rand(new[] { Block }, generator: generator).sub_(Scalars.Of(0.5)));
            }
            var grown = cat(parts, 0).DetachFromDisposeScope();
            // Views handed out earlier keep the old buffer's memory alive until they are disposed.
            buffer?.Dispose();
            buffer = grown;
            return buffer;
        }
    }
}
