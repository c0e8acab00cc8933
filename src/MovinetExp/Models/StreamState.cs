using static TorchSharp.torch;

namespace MovinetExp.Models;

/// <summary>
/// Everything a causal MoViNet carries from one streamed chunk to the next (../shared/design/movinet-architecture.md
/// §6.2): stream buffers of the temporal convs, running sums of the SE and head pools, and frame counters. Keys follow
/// TF's names (state_block{b}_layer{l}_stream_buffer, …_pool_buffer, …_pool_frame_count, …_pos_enc_frame_count,
/// state_head_pool_buffer, state_head_pool_frame_count). The tensors are detached and owned by this object; dispose it
/// when it is no longer needed.
/// </summary>
public sealed class StreamState : IDisposable
{
    private readonly Dictionary<string, Tensor> _buffers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _frameCounts = new(StringComparer.Ordinal);

    /// <summary>State tensors in torch layout ([B,C,…]).</summary>
    public IReadOnlyDictionary<string, Tensor> Buffers => _buffers;

    /// <summary>Frame counters (TF stores them as int32 [1]).</summary>
    public IReadOnlyDictionary<string, long> FrameCounts => _frameCounts;

    /// <summary>Frames seen so far by the model (the head pool's counter).</summary>
    public long FramesSeen => _frameCounts.GetValueOrDefault(StreamKeys.HeadPoolFrameCount);

    internal Tensor Buffer(string key) =>
        _buffers.TryGetValue(key, out var t)
            ? t
            : throw new InvalidOperationException(
                $"Stream state has no entry '{key}'; create the state with InitStates for this model.");

    internal long FrameCount(string key) =>
        _frameCounts.TryGetValue(key, out long n)
            ? n
            : throw new InvalidOperationException(
                $"Stream state has no entry '{key}'; create the state with InitStates for this model.");

    /// <summary>Takes ownership of a detached copy of <paramref name="value"/>.</summary>
    internal void SetBuffer(string key, Tensor value)
    {
        var owned = value.detach().clone().DetachFromDisposeScope();
        if (_buffers.Remove(key, out var old)) old.Dispose();
        _buffers[key] = owned;
    }

    internal void SetFrameCount(string key, long value) => _frameCounts[key] = value;

    public void Dispose()
    {
        foreach (var t in _buffers.Values) t.Dispose();
        _buffers.Clear();
        _frameCounts.Clear();
    }
}
