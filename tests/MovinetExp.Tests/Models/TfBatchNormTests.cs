using MovinetExp.Models;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Models;

public class TfBatchNormTests
{
    [Theory]
    [InlineData(6, 6, 6, false, 1)]   // depthwise, as MoViNet's feature convs
    [InlineData(4, 10, 1, false, 2)]  // dense, strided
    [InlineData(4, 10, 1, true, 1)]   // a conv with its own bias
    public void FoldedConvolutionEqualsConvolutionThenBatchNormInInference(int inChannels, int outChannels, int groups, bool convBias, int stride)
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var options = MovinetOptions.For("a0", MovinetVariant.Base);
        using var norm = new TfBatchNorm(outChannels, options);
        using var conv = nn.Conv3d(inChannels, outChannels, (3, 3, 3), (1, stride, stride), (1, 1, 1), groups: groups, bias: convBias);
        using (no_grad())
        {
            // Statistics and affine values far from the identity, so that a wrong fold cannot pass.
            foreach (var (name, tensor) in norm.named_buffers().Concat(norm.named_parameters().Select(p => (p.name, (Tensor)p.parameter))))
                tensor.copy_(name == "running_var" ? rand(outChannels).add_(0.2) : randn(outChannels));
        }
        norm.eval();
        var x = randn(new long[] { 2, inChannels, 4, 9, 9 });

        var expected = norm.forward(conv.forward(x));
        var folded = norm.FoldedInto(conv.weight!, conv.bias, (w, b) => nn.functional.conv3d(x, w, b, conv.stride, conv.padding, groups: conv.groups));

        Assert.Equal(expected.shape, folded.shape);
        double scale = expected.abs().max().item<float>();
        Assert.True(expected.sub(folded).abs().max().item<float>() <= 1e-5 * scale,
            $"max difference {expected.sub(folded).abs().max().item<float>()} at scale {scale}");
    }
}
