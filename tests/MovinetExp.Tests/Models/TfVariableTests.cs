using MovinetExp.Models;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Models;

public class TfVariableTests
{
    [Fact]
    public void CopyFromTfWritesTheLiveParameterAndExportRoundTrips()
    {
        using var scope = NewDisposeScope();
        using var model = new MovinetClassifier(MovinetOptions.For("a0", MovinetVariant.Base));
        var stem = model.TfVariables().Single(v => v.Path.EndsWith("/_stem/_conv/kernel"));
        Assert.Equal(new long[] { 1, 3, 3, 3, 8 }, stem.TfShape);
        float[] values = Enumerable.Range(0, 216).Select(i => i * 0.5f).ToArray();
        stem.CopyFromTf(values);
        // TF [t=0,h=2,w=1,ci=2,co=5] → flat index (((0·3+2)·3+1)·3+2)·8+5.
        int flat = ((2 * 3 + 1) * 3 + 2) * 8 + 5;
        var live = model.named_parameters().Single(p => p.name.EndsWith("stem.stem.conv.weight")).parameter;
        Assert.Equal(values[flat], live[5, 2, 0, 2, 1].item<float>());
        Assert.Equal(values, stem.ToTfValues());
        Assert.Throws<ArgumentException>(() => stem.CopyFromTf(new float[215]));
    }

    [Fact]
    public void TrainingLayoutConvertsToReleasedStreamLayoutLikeTheTfTool()
    {
        // tools/convert_3d_2plus1d.py turns the trained 3d_2plus1d kernels into the released 2plus1d ones
        // by dropping the singleton axis and swapping the last two axes of depthwise kernels
        // (../shared/design/movinet-architecture.md §9.5). Doing that on exported TF values and importing them must
        // give the same network.
        using var scope = NewDisposeScope();
        var stream = MovinetOptions.For("a0", MovinetVariant.Stream);
        manual_seed(3);
        using var trained = new MovinetClassifier(stream with { ConvType = ConvType.Conv3dTwoPlusOneD });
        ModelPerturbation.Apply(trained, seed: 5, TestClips.RandomClip(1, 3, 32, seed: 6));

        using var converted = StreamConversion.ToTwoPlusOneD(trained);
        var source = trained.TfVariables();
        var target = converted.TfVariables();
        Assert.Equal(source.Count, target.Count);
        for (int i = 0; i < source.Count; i++)
        {
            string expectedPath = source[i].Path
                .Replace("/_conv/kernel", target[i].Path.EndsWith("depthwise_kernel") ? "/_conv/_conv/depthwise_kernel" : "/_conv/_conv/kernel")
                .Replace("/_conv_temporal/kernel", "/_conv_temporal/_conv/depthwise_kernel")
                .Replace("/_conv/bias", "/_conv/_conv/bias");
            Assert.Equal(expectedPath, target[i].Path);
        }

        var released = converted;
        released.eval();
        trained.eval();
        var clip = TestClips.RandomClip(1, 4, 32, seed: 9);
        using var noGrad = no_grad();
        double difference = (trained.forward(clip) - released.forward(clip)).abs().max().item<float>();
        Assert.True(difference < 1e-5, $"max difference {difference}");
    }
}
