using TorchSharp;
using static TorchSharp.torch;

namespace MovinetExp.Training;

/// <summary>
/// One mini-batch as plain arrays. Tensors are made from it inside the training loop's dispose scope,
/// so a batch never leaks native memory however its producer is written.
/// </summary>
/// <param name="Inputs">Row-major values: clips [B,T,H,W,3] (RGB in [0,1]) or features [B,P].</param>
/// <param name="Shape">The shape of <paramref name="Inputs"/>.</param>
/// <param name="Labels">Class index per example.</param>
public sealed record Batch(float[] Inputs, long[] Shape, int[] Labels)
{
    public int Size => Labels.Length;

    /// <summary>The model input on <paramref name="device"/>: clips become [B,3,T,H,W], features stay [B,P].</summary>
    /// <remarks>
    /// Every intermediate belongs to a dispose scope. A tensor that no scope (or variable) holds can be
    /// finalised by the GC while a native call still runs on it: with loader threads allocating hard,
    /// <c>host.permute(...).contiguous()</c> outside any scope crashed LibTorch in copy_impl (reproduced
    /// by a stress loop within seconds).
    /// </remarks>
    public Tensor InputTensor(Device device) => InputTensor(Inputs, Shape, device);

    /// <summary>The model input for rows of <paramref name="shape"/> (clips [B,T,H,W,3] or features [B,P]),
    /// labelled or not.</summary>
    public static Tensor InputTensor(float[] inputs, long[] shape, Device device)
    {
        using var scope = NewDisposeScope();
        var host = tensor(inputs, shape);
        var onDevice = device.type == DeviceType.CPU ? host : host.to(device);
        var input = shape.Length == 5 ? onDevice.permute(0, 4, 1, 2, 3).contiguous() : onDevice;
        return input.MoveToOuterDisposeScope();
    }

    public Tensor LabelTensor(Device device) => tensor(Labels.Select(l => (long)l).ToArray(), int64, device);
}
