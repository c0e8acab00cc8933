using MovinetExp.Data.Video;

namespace MovinetExp.Tests.Data.Video;

/// <summary>Expected values computed independently with Python, emulating TF's float32 arithmetic via struct.pack('f').</summary>
public class ResizeLayoutTests
{
    [Theory]
    // height, width, target -> resized height, resized width, top, left
    [InlineData(240, 320, 172, 129, 172, 21, 0)]
    [InlineData(256, 340, 172, 129, 172, 21, 0)]   // 129.506 floors to 129; pad floor(21.247)
    [InlineData(1080, 1920, 224, 126, 224, 48, 0)] // float32 gives 126.0000076
    [InlineData(256, 144, 172, 172, 96, 0, 37)]    // portrait: 96.75 wide, pad floor(37.625)
    [InlineData(240, 426, 172, 96, 172, 37, 0)]
    [InlineData(2, 4, 4, 2, 4, 1, 0)]
    [InlineData(1, 3, 4, 1, 4, 1, 0)]              // 1.333 high: floor 1, pad floor(1.333)
    public void PadMatchesTfResizeWithPad(int h, int w, int target, int rh, int rw, int top, int left)
    {
        var layout = ResizeLayout.Pad(h, w, target, target);
        Assert.Equal((rh, rw, top, left), (layout.ResizedHeight, layout.ResizedWidth, layout.Top, layout.Left));
        Assert.Equal((0, 0, rh, rw), (layout.SourceTop, layout.SourceLeft, layout.CopyHeight, layout.CopyWidth));
    }

    [Fact]
    public void CropScalesTheShortSideAndCutsTheCentre()
    {
        // 172/240 * 320 = 229.33 -> 229 wide; (229 - 172) / 2 = 28 columns dropped on the left.
        var layout = ResizeLayout.Crop(240, 320, 172, 172);
        Assert.Equal((172, 229, 0, 28), (layout.ResizedHeight, layout.ResizedWidth, layout.SourceTop, layout.SourceLeft));
        Assert.Equal((0, 0, 172, 172), (layout.Top, layout.Left, layout.CopyHeight, layout.CopyWidth));

        var portrait = ResizeLayout.Crop(256, 144, 172, 172); // 172/144 * 256 = 305.78 -> 306 high, 67 rows cut above
        Assert.Equal((306, 172, 67, 0), (portrait.ResizedHeight, portrait.ResizedWidth, portrait.SourceTop, portrait.SourceLeft));
    }
}
