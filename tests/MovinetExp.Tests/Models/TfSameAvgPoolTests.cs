using MovinetExp.Models;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Models;

public class TfSameAvgPoolTests
{
    [Fact]
    public void EvenSizePadsAfterAndExcludesPaddedCells()
    {
        // 4×4 input 1…16, 3×3 window, stride 2: padding (0,1); windows at the bottom/right edge
        // hold 6 real cells and the corner window 4: (54/9, 45/6, 72/6, 54/4).
        AssertPool(4, new[] { 6f, 7.5f, 12f, 13.5f });
    }

    [Fact]
    public void OddSizePadsSymmetricallyAndExcludesPaddedCells()
    {
        // 5×5 input 1…25, padding (1,1): corners average 4 cells, edges 6, the centre 9.
        // Row 0: (1+2+6+7)/4, (2+3+4+7+8+9)/6, (4+5+9+10)/4; row 1 starts with rows 1–3 × columns 0–1:
        // (6+7+11+12+16+17)/6 = 11.5; the centre is 117/9 = 13; the last corner (19+20+24+25)/4 = 22.
        AssertPool(5, new[] { 4f, 5.5f, 7f, 11.5f, 13f, 14.5f, 19f, 20.5f, 22f });
    }

    private static void AssertPool(int size, float[] expected)
    {
        using var scope = NewDisposeScope();
        var x = arange(1, size * size + 1, 1, float32).view(1, 1, 1, size, size).repeat(1, 2, 3, 1, 1);
        var pooled = TfSameAvgPool.Apply(x, kernel: 3, stride: 2);
        long outSize = (size + 1) / 2;
        Assert.Equal(new long[] { 1, 2, 3, outSize, outSize }, pooled.shape);
        var values = pooled[0, 1, 2].flatten().data<float>().ToArray();
        Assert.Equal(expected.Length, values.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], values[i], 5);
    }
}
