using MovinetExp.Models;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Models;

public class PositionalEncodingTests
{
    [Fact]
    public void SinesThenCosinesOfAbsoluteFramePositions()
    {
        using var scope = NewDisposeScope();
        // C = 4: w_0 = 1, w_1 = 10000^(−2/4) = 0.01; frames 5 and 6.
        var pe = PositionalEncoding.Encoding(4, start: 5, frames: 2, float32, CPU);
        Assert.Equal(new long[] { 4, 2 }, pe.shape);
        double[,] expected =
        {
            { Math.Sin(5), Math.Sin(6) },
            { Math.Sin(0.05), Math.Sin(0.06) },
            { Math.Cos(5), Math.Cos(6) },
            { Math.Cos(0.05), Math.Cos(0.06) },
        };
        for (int c = 0; c < 4; c++)
        for (int t = 0; t < 2; t++)
            Assert.Equal(expected[c, t], pe[c, t].item<float>(), 5);
    }
}
