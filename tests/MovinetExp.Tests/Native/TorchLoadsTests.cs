using TorchSharp;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Native;

public class TorchLoadsTests
{
    [Fact]
    public void Conv3dForwardAndBackwardRun()
    {
        using var scope = NewDisposeScope();
        var conv = nn.Conv3d(3, 4, kernel_size: 3, padding: 1);
        var x = randn(new long[] { 2, 3, 4, 8, 8 }, requires_grad: true);
        var y = conv.forward(x);
        Assert.Equal(new long[] { 2, 4, 4, 8, 8 }, y.shape);
        y.sum().backward();
        Assert.NotNull(x.grad);
        Assert.Equal(x.shape, x.grad!.shape);
        Assert.True(conv.weight!.grad!.abs().sum().item<float>() > 0);
    }
}
