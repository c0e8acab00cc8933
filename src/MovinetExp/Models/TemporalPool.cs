using TorchSharp;
using MovinetExp.Numerics;
using MovinetExp.Export;
using static TorchSharp.torch;
using DataType = Onnx.TensorProto.Types.DataType;

namespace MovinetExp.Models;

/// <summary>
/// Averages over time of per-frame spatial means [B,C,T,1,1], with the running sum and frame count
/// carried in the stream state (../shared/design/movinet-architecture.md §6.3). Without a stream context the sum starts
/// at zero.
/// </summary>
internal static class TemporalPool
{
    /// <summary>Per-frame spatial mean: [B,C,T,H,W] → [B,C,T,1,1].</summary>
    public static Tensor SpatialMean(Tensor x) => x.mean(new long[] { 3, 4 }, keepdim: true);

    /// <summary>Causal: output_t = (sum + Σ_{τ≤t} x_τ)/(n + t + 1), shape [B,C,T,1,1].</summary>
    public static Tensor CumulativeMean(Tensor perFrame, StreamContext? stream, string prefix)
    {
        var (sum, count) = Previous(stream, prefix, perFrame);
        long frames = perFrame.shape[2];
        var cumulative = perFrame.cumsum(2);
        if (sum is not null) cumulative = cumulative.add(sum, Scalars.One);
        using var first = (count + 1).ToScalar();
        using var end = (count + frames + 1).ToScalar();
        var divisor = arange(first, end, Scalars.One, perFrame.dtype, perFrame.device)
            .view(1, 1, frames, 1, 1);
        Save(stream, prefix, cumulative.narrow(2, frames - 1, 1), count + frames);
        return cumulative.div(divisor);
    }

    /// <summary>Non-causal: (sum + Σ_t x_t)/(n + T), shape [B,C,1,1,1]; the head's pool.</summary>
    public static Tensor GlobalMean(Tensor perFrame, StreamContext? stream, string prefix)
    {
        var (sum, count) = Previous(stream, prefix, perFrame);
        long frames = perFrame.shape[2];
        var total = perFrame.sum(2, keepdim: true);
        if (sum is not null) total = total.add(sum, Scalars.One);
        Save(stream, prefix, total, count + frames);
        using var seen = (count + frames).ToScalar();
        return total.div(seen);
    }

    /// <summary><see cref="SpatialMean"/> in an exported model.</summary>
    public static string ExportSpatialMean(OnnxGraph g, string scope, string x) => g.Mean(scope, x, 3, 4);

    /// <summary><see cref="CumulativeMean"/> in an exported model; without state (a base graph) the sum starts at zero.</summary>
    public static string ExportCumulativeMean(OnnxGraph g, string scope, OnnxFeature perFrame, OnnxStateGraph? state, string prefix)
    {
        var frames = g.Dimension(scope, perFrame.Value, 2);
        var cumulative = g.Node("CumSum", scope, [perFrame.Value, g.Int64Scalar(2)]);
        var (sum, count) = ExportPrevious(g, perFrame, state, prefix);
        if (sum is not null) cumulative = g.Add(scope, cumulative, sum);
        var first = g.Add(scope, count, g.Int64s(1));
        var divisor = g.Node("Range", scope, [g.Scalar(scope, first), g.Scalar(scope, g.Add(scope, first, frames)), g.Int64Scalar(1)]);
        divisor = g.Node("Reshape", scope, [g.Cast(scope, divisor, DataType.Float), g.Int64s(1, 1, -1, 1, 1)]);
        ExportSave(g, scope, state, prefix, g.Last(scope, cumulative, 2, 1), count, frames);
        return g.Div(scope, cumulative, divisor);
    }

    /// <summary><see cref="GlobalMean"/> in an exported model; without state (a base graph) the plain mean over time.</summary>
    public static string ExportGlobalMean(OnnxGraph g, string scope, OnnxFeature perFrame, OnnxStateGraph? state, string prefix)
    {
        var frames = g.Dimension(scope, perFrame.Value, 2);
        var total = g.Node("ReduceSum", scope, [perFrame.Value, g.Int64s(2)], OnnxGraph.Attribute("keepdims", 1L));
        var (sum, count) = ExportPrevious(g, perFrame, state, prefix);
        if (sum is not null) total = g.Add(scope, total, sum);
        ExportSave(g, scope, state, prefix, total, count, frames);
        return g.Div(scope, total, g.Cast(scope, g.Add(scope, count, frames), DataType.Float));
    }

    private static (string? Sum, string Count) ExportPrevious(OnnxGraph g, OnnxFeature perFrame, OnnxStateGraph? state, string prefix) =>
        state is null
            ? (null, g.Int64s(0))
            : (state.Sum(StreamKeys.PoolBuffer(prefix), perFrame.Channels), state.Count(StreamKeys.PoolFrameCount(prefix)));

    private static void ExportSave(OnnxGraph g, string scope, OnnxStateGraph? state, string prefix, string sum, string count, string frames)
    {
        if (state is null) return;
        state.SetNext(StreamKeys.PoolBuffer(prefix), sum);
        state.SetNext(StreamKeys.PoolFrameCount(prefix), g.Add(scope, count, frames));
    }

    /// <summary>Adds the zero running sum [B,C,1,1,1] and zero count.</summary>
    public static void AddInitial(StreamState state, string prefix, long batch, long channels, Device device)
    {
        state.SetBuffer(StreamKeys.PoolBuffer(prefix), zeros(new[] { batch, channels, 1L, 1L, 1L }, float32, device));
        state.SetFrameCount(StreamKeys.PoolFrameCount(prefix), 0);
    }

    private static (Tensor? Sum, long Count) Previous(StreamContext? stream, string prefix, Tensor perFrame)
    {
        if (stream is null) return (null, 0);
        var sum = stream.Previous.Buffer(StreamKeys.PoolBuffer(prefix));
        if (sum.shape[0] != perFrame.shape[0] || sum.shape[1] != perFrame.shape[1])
            throw new InvalidOperationException(
                $"Stream pool '{prefix}' holds [{string.Join(",", sum.shape)}] but the chunk has batch {perFrame.shape[0]} " +
                $"and {perFrame.shape[1]} channels; create the state with InitStates for this batch size.");
        return (sum, stream.Previous.FrameCount(StreamKeys.PoolFrameCount(prefix)));
    }

    private static void Save(StreamContext? stream, string prefix, Tensor sum, long count)
    {
        if (stream is null) return;
        stream.Next.SetBuffer(StreamKeys.PoolBuffer(prefix), sum);
        stream.Next.SetFrameCount(StreamKeys.PoolFrameCount(prefix), count);
    }
}
