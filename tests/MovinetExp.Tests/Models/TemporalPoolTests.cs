using MovinetExp.Models;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Models;

public class TemporalPoolTests
{
    [Fact]
    public void CumulativeMeanCarriesSumAndCountAcrossChunks()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 1f, 2f, 3f, 4f, 5f }).view(1, 1, 5, 1, 1);
        float[] expected = { 1f, 1.5f, 2f, 2.5f, 3f };
        Assert.Equal(expected, TemporalPool.CumulativeMean(x, null, "state_t").flatten().data<float>().ToArray());

        using var state0 = new StreamState();
        TemporalPool.AddInitial(state0, "state_t", 1, 1, CPU);
        using var state1 = new StreamState();
        var first = TemporalPool.CumulativeMean(x.narrow(2, 0, 2), new StreamContext(state0, state1), "state_t");
        using var state2 = new StreamState();
        var second = TemporalPool.CumulativeMean(x.narrow(2, 2, 3), new StreamContext(state1, state2), "state_t");
        Assert.Equal(expected, cat(new[] { first, second }, 2).flatten().data<float>().ToArray());
        Assert.Equal(5, state2.FrameCounts["state_t_pool_frame_count"]);
        Assert.Equal(15f, state2.Buffers["state_t_pool_buffer"].item<float>());
    }

    [Fact]
    public void GlobalMeanOfAllFramesSeen()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 1f, 2f, 3f, 4f, 5f }).view(1, 1, 5, 1, 1);
        Assert.Equal(3f, TemporalPool.GlobalMean(x, null, "state_head").item<float>());
        using var state0 = new StreamState();
        TemporalPool.AddInitial(state0, "state_head", 1, 1, CPU);
        using var state1 = new StreamState();
        Assert.Equal(1.5f, TemporalPool.GlobalMean(x.narrow(2, 0, 2), new StreamContext(state0, state1), "state_head").item<float>());
        using var state2 = new StreamState();
        Assert.Equal(3f, TemporalPool.GlobalMean(x.narrow(2, 2, 3), new StreamContext(state1, state2), "state_head").item<float>());
    }
}
