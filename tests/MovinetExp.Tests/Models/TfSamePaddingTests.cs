using MovinetExp.Models;

namespace MovinetExp.Tests.Models;

public class TfSamePaddingTests
{
    [Theory]
    [InlineData(172, 3, 2, 0, 1)] // even size: the extra cell goes after
    [InlineData(86, 5, 2, 1, 2)]
    [InlineData(43, 3, 2, 1, 1)] // odd size: symmetric
    [InlineData(145, 5, 2, 2, 2)]
    [InlineData(11, 3, 1, 1, 1)] // stride 1: (k−1)/2 each side
    [InlineData(11, 5, 1, 2, 2)]
    [InlineData(6, 1, 1, 0, 0)]
    public void ComputesTfSamePadding(long size, int kernel, int stride, long before, long after) =>
        Assert.Equal((before, after), TfSamePadding.Compute(size, kernel, stride));

    // ../shared/design/movinet-architecture.md §5.1: pads of the stride-2 layers (stem, block0_layer0 1×5×5,
    // block1/2/4_layer0 3×3) and §4.1: spatial size after the stem and each stage.
    [Theory]
    [InlineData("a0", 172, "0,1 1,2 1,1 0,1 1,1", "86 43 22 11 11 6")]
    [InlineData("a1", 172, "0,1 1,2 1,1 0,1 1,1", "86 43 22 11 11 6")]
    [InlineData("a2", 224, "0,1 1,2 0,1 0,1 0,1", "112 56 28 14 14 7")]
    [InlineData("a3", 256, "0,1 1,2 0,1 0,1 0,1", "128 64 32 16 16 8")]
    [InlineData("a4", 290, "0,1 2,2 1,1 1,1 1,1", "145 73 37 19 19 10")]
    [InlineData("a5", 320, "0,1 1,2 0,1 0,1 0,1", "160 80 40 20 20 10")]
    public void StridedLayerPadsAndStageSizesMatchTheDocumentTables(string id, int resolution, string pads, string sizes)
    {
        var spec = MovinetArchitectures.Get(id);
        var actualPads = new List<string> { Format(TfSamePadding.Compute(resolution, 3, 2)) };
        long size = TfSamePadding.OutputSize(resolution, 2);
        var actualSizes = new List<long> { size };
        foreach (var stage in spec.Stages)
        {
            foreach (var layer in stage.Layers.Where(l => l.IsStrided))
            {
                actualPads.Add(Format(TfSamePadding.Compute(size, layer.Kernel.H, layer.Stride.H)));
                size = TfSamePadding.OutputSize(size, layer.Stride.H);
            }

            actualSizes.Add(size);
        }

        Assert.Equal(pads, string.Join(" ", actualPads));
        Assert.Equal(sizes, string.Join(" ", actualSizes));
    }

    private static string Format((long Before, long After) pad) => $"{pad.Before},{pad.After}";
}
