using MovinetExp.Training;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Training;

public class BatchTests
{
    [Fact]
    public void VideoInputIsChannelsFirstWithTheSameValues()
    {
        using var scope = NewDisposeScope();
        var values = Enumerable.Range(0, 2 * 3 * 2 * 2 * 3).Select(v => (float)v).ToArray();
        var batch = new Batch(values, [2, 3, 2, 2, 3], [0, 1]);
        var input = batch.InputTensor(CPU);
        Assert.Equal(new long[] { 2, 3, 3, 2, 2 }, input.shape);
        // [b, t, h, w, c] -> [b, c, t, h, w]: element (1, c=2, t=1, h=0, w=1) sits at ((1*3+1)*2+0)*2+1)*3+2.
        Assert.Equal(((((1 * 3 + 1) * 2 + 0) * 2 + 1) * 3) + 2, input[1, 2, 1, 0, 1].item<float>());
    }
}
