using MovinetExp.Models;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Models;

public class TfLayoutTests
{
    [Fact]
    public void Conv3dKernelMovesTfAxesToTorchOrder()
    {
        using var scope = NewDisposeScope();
        var layout = TfLayout.Conv3dKernel(new long[] { 5, 4, 3, 2, 2 }); // torch [Cout,Cin,t,h,w]
        Assert.Equal(new long[] { 3, 2, 2, 4, 5 }, layout.TfShape); // TF [t,h,w,Cin,Cout]
        var tf = arange(0, 240, 1, float32).view(3, 2, 2, 4, 5);
        var torchValues = layout.ToTorch(tf);
        // TF element [t=2,h=1,w=0,ci=3,co=4] must land at torch [co=4,ci=3,t=2,h=1,w=0].
        Assert.Equal(tf[2, 1, 0, 3, 4].item<float>(), torchValues[4, 3, 2, 1, 0].item<float>());
        Assert.True(layout.ToTf(torchValues).allclose(tf, 0, 0));
    }

    [Fact]
    public void Conv2dKernelGainsASingletonTimeAxis()
    {
        using var scope = NewDisposeScope();
        var layout = TfLayout.Conv2dKernel(3, 3, new long[] { 8, 3, 1, 3, 3 }); // stem of a 2plus1d model
        Assert.Equal(new long[] { 3, 3, 3, 8 }, layout.TfShape); // TF [h,w,Cin,Cout]
        var tf = randn(3, 3, 3, 8);
        var torchValues = layout.ToTorch(tf);
        Assert.Equal(tf[2, 0, 1, 7].item<float>(), torchValues[7, 1, 0, 2, 0].item<float>());
        Assert.True(layout.ToTf(torchValues).allclose(tf, 0, 0));
    }

    [Fact]
    public void DepthwiseKernelsMapChannelAxisToTorchGroups()
    {
        using var scope = NewDisposeScope();
        var spatial = TfLayout.DepthwiseConv2dKernel(5, 5, new long[] { 24, 1, 1, 5, 5 });
        Assert.Equal(new long[] { 5, 5, 24, 1 }, spatial.TfShape); // TF [h,w,E,1]
        var tf = randn(5, 5, 24, 1);
        Assert.Equal(tf[1, 4, 17, 0].item<float>(), spatial.ToTorch(tf)[17, 0, 0, 1, 4].item<float>());

        var temporal = TfLayout.DepthwiseConv2dKernel(3, 1, new long[] { 80, 1, 3, 1, 1 });
        Assert.Equal(new long[] { 3, 1, 80, 1 }, temporal.TfShape); // TF [t,1,E,1]
        var tfTemporal = randn(3, 1, 80, 1);
        var torchTemporal = temporal.ToTorch(tfTemporal);
        Assert.Equal(tfTemporal[2, 0, 41, 0].item<float>(), torchTemporal[41, 0, 2, 0, 0].item<float>());
        Assert.True(temporal.ToTf(torchTemporal).allclose(tfTemporal, 0, 0));
    }
}
