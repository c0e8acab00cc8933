using MovinetExp.Export;
using static TorchSharp.torch;

namespace MovinetExp.Models;

/// <summary>
/// Causal temporal padding and the stream buffer (../shared/design/movinet-architecture.md §5.2, §6.1): a temporal
/// kernel of size t sees the t−1 frames before the chunk, zeros at the start of a clip and the buffered frames
/// afterwards, so chunked and whole-clip runs compute the same values.
/// </summary>
internal static class CausalFrames
{
    /// <summary>Prepends <paramref name="count"/> history frames to [B,C,T,H,W] and, when streaming,
    /// stores the last <paramref name="count"/> frames of the result as the next buffer.</summary>
    public static Tensor Prepend(Tensor x, int count, StreamContext? stream, string key)
    {
        long[] s = x.shape;
        Tensor history;
        if (stream is null)
        {
            history = zeros(new[] { s[0], s[1], count, s[3], s[4] }, x.dtype, x.device);
        }
        else
        {
            history = stream.Previous.Buffer(key);
            if (!history.shape.SequenceEqual(new[] { s[0], s[1], count, s[3], s[4] }))
                throw new InvalidOperationException(
                    $"Stream buffer '{key}' has shape [{string.Join(",", history.shape)}] but the chunk needs " +
                    $"[{s[0]},{s[1]},{count},{s[3]},{s[4]}]; create the state with InitStates for this batch size and resolution.");
        }

        var joined = cat(new[] { history, x }, 2);
        stream?.Next.SetBuffer(key, joined.narrow(2, joined.shape[2] - count, count));
        return joined;
    }

    /// <summary>
    /// <see cref="Prepend"/> in an exported stream model: the history is the state input, the next buffer a state
    /// output. Exported causal models always carry their state (a whole clip starts from the zero state).
    /// </summary>
    public static string ExportOnnx(OnnxGraph g, string scope, OnnxFeature x, int count, OnnxStateGraph state, string key)
    {
        var history = state.Buffer(key, x.Channels, count, x.Scale);
        var joined = g.Concat(scope, 2, history, x.Value);
        state.SetNext(key, g.Last(scope, joined, 2, count));
        return joined;
    }

    /// <summary>Adds the all-zero buffer a clip starts with.</summary>
    public static void AddInitial(StreamState state, string key, long[] shape, Device device) =>
        state.SetBuffer(key, zeros(shape, float32, device));
}
