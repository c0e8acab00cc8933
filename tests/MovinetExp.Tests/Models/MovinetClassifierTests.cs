using MovinetExp.Common;
using MovinetExp.Models;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Models;

public class MovinetClassifierTests
{
    // ../shared/design/movinet-architecture.md table 4.1 (600 classes): variables, values incl. BN statistics, head values.
    [Theory]
    [InlineData("a0", MovinetVariant.Base, 334, 3_126_071, 2_214_488)]
    [InlineData("a0", MovinetVariant.Stream, 389, 3_765_983, 2_214_488)]
    [InlineData("a1", MovinetVariant.Base, 514, 4_717_912, 2_460_248)]
    [InlineData("a1", MovinetVariant.Stream, 599, 6_481_560, 2_460_248)]
    [InlineData("a2", MovinetVariant.Base, 554, 5_280_922, 2_542_168)]
    [InlineData("a2", MovinetVariant.Stream, 649, 7_366_050, 2_542_168)]
    [InlineData("a3", MovinetVariant.Base, 699, 7_443_289, 2_755_160)]
    [InlineData("a3", MovinetVariant.Stream, 847, 11_043_146, 2_755_160)]
    [InlineData("a4", MovinetVariant.Base, 974, 11_422_727, 2_984_536)]
    [InlineData("a4", MovinetVariant.Stream, 1196, 18_228_326, 2_984_536)]
    [InlineData("a5", MovinetVariant.Base, 1219, 18_763_355, 3_263_064)]
    [InlineData("a5", MovinetVariant.Stream, 1493, 31_636_734, 3_263_064)]
    public void VariableAndValueCountsMatchTable41(string id, MovinetVariant variant, int variables, long total, long head)
    {
        using var model = new MovinetClassifier(MovinetOptions.For(id, variant));
        var list = model.TfVariables();
        Assert.Equal(variables, list.Count);
        Assert.Equal(list.Count, list.Select(v => v.Path).Distinct().Count());
        var counts = model.CountParameters();
        Assert.Equal(total, counts.Total);
        Assert.Equal(head, counts.Head);
        // Trainable = everything except the BN moving statistics, which are exactly the non-Parameter tensors.
        long statistics = list.Where(v => v.Path.EndsWith("/moving_mean") || v.Path.EndsWith("/moving_variance"))
            .Sum(v => v.Count);
        Assert.Equal(total - statistics, counts.Trainable);
        Assert.Equal(model.parameters().Sum(p => p.numel()), counts.Trainable);
    }

    [Fact]
    public void A0BaseTrainableCountMatchesDocument()
    {
        using var model = new MovinetClassifier(MovinetOptions.For("a0", MovinetVariant.Base));
        Assert.Equal(new ParameterCounts(3_126_071, 3_111_799, 2_214_488), model.CountParameters());
    }

    // ../shared/design/movinet-architecture.md §9.4 literal listing for A0 base.
    [Theory]
    [InlineData("model/layer_with_weights-0/layer_with_weights-0/_stem/_conv/kernel", "1,3,3,3,8")]
    [InlineData("model/layer_with_weights-0/layer_with_weights-0/_stem/_batch_norm/gamma", "8")]
    [InlineData("model/layer_with_weights-0/layer_with_weights-1/_expansion/_conv/kernel", "1,1,1,8,24")]
    [InlineData("model/layer_with_weights-0/layer_with_weights-1/_feature/_conv/kernel", "1,5,5,1,24")]
    [InlineData("model/layer_with_weights-0/layer_with_weights-1/_attention/_se_reduce/_conv/kernel", "1,1,1,24,8")]
    [InlineData("model/layer_with_weights-0/layer_with_weights-1/_attention/_se_reduce/_conv/bias", "8")]
    [InlineData("model/layer_with_weights-0/layer_with_weights-1/_skip/_projection/_batch_norm/moving_variance", "8")]
    [InlineData("model/layer_with_weights-0/layer_with_weights-1/_mobile_bottleneck/_rezero/scale", "")]
    [InlineData("model/layer_with_weights-0/layer_with_weights-5/_feature/_conv/kernel", "5,3,3,1,184")]
    [InlineData("model/layer_with_weights-0/layer_with_weights-5/_skip/_projection/_conv/kernel", "1,1,1,32,56")]
    [InlineData("model/layer_with_weights-0/layer_with_weights-12/_attention/_se_expand/_conv/kernel", "1,1,1,96,384")]
    [InlineData("model/layer_with_weights-0/layer_with_weights-16/_project/_conv/kernel", "1,1,1,104,480")]
    [InlineData("model/layer_with_weights-1/_head/_conv/kernel", "1,1,1,480,2048")]
    [InlineData("model/layer_with_weights-1/_classifier/_conv/kernel", "1,1,1,2048,600")]
    [InlineData("model/layer_with_weights-1/_classifier/_conv/bias", "600")]
    public void A0BaseVariablePathsAndShapes(string path, string shape) =>
        AssertVariable(MovinetOptions.For("a0", MovinetVariant.Base), path, shape);

    // ../shared/design/movinet-architecture.md §9.5 for A0 stream (2plus1d Conv2D / DepthwiseConv2D shapes,
    // 2plus3d SE).
    [Theory]
    [InlineData("model/layer_with_weights-0/layer_with_weights-0/_stem/_conv/_conv/kernel", "3,3,3,8")]
    [InlineData("model/layer_with_weights-0/layer_with_weights-1/_expansion/_conv/_conv/kernel", "1,1,8,24")]
    [InlineData("model/layer_with_weights-0/layer_with_weights-1/_feature/_conv/_conv/depthwise_kernel", "5,5,24,1")]
    [InlineData("model/layer_with_weights-0/layer_with_weights-1/_attention/_se_reduce/_conv/_conv/kernel", "1,1,48,16")]
    [InlineData("model/layer_with_weights-0/layer_with_weights-2/_feature/_conv/_conv/depthwise_kernel", "3,3,80,1")]
    [InlineData("model/layer_with_weights-0/layer_with_weights-2/_feature/_conv_temporal/_conv/depthwise_kernel", "3,1,80,1")]
    [InlineData("model/layer_with_weights-0/layer_with_weights-2/_feature/_batch_norm_temporal/moving_mean", "80")]
    [InlineData("model/layer_with_weights-0/layer_with_weights-2/_skip/_projection/_conv/_conv/kernel", "1,1,8,32")]
    [InlineData("model/layer_with_weights-0/layer_with_weights-12/_feature/_conv_temporal/_conv/depthwise_kernel", "5,1,384,1")]
    [InlineData("model/layer_with_weights-0/layer_with_weights-15/_attention/_se_expand/_conv/_conv/kernel", "1,1,176,344")]
    [InlineData("model/layer_with_weights-0/layer_with_weights-16/_project/_conv/_conv/kernel", "1,1,104,480")]
    [InlineData("model/layer_with_weights-1/_head/_conv/_conv/kernel", "1,1,480,2048")]
    [InlineData("model/layer_with_weights-1/_classifier/_conv/_conv/bias", "600")]
    public void A0StreamVariablePathsAndShapes(string path, string shape) =>
        AssertVariable(MovinetOptions.For("a0", MovinetVariant.Stream), path, shape);

    [Fact]
    public void A0StreamSeHiddenWidthsAndNoTemporalConvForSingleFrameKernels()
    {
        using var model = new MovinetClassifier(MovinetOptions.For("a0", MovinetVariant.Stream));
        var variables = model.TfVariables();
        var hidden = Enumerable.Range(1, 15).Select(k => variables.Single(v =>
            v.Path == $"model/layer_with_weights-0/layer_with_weights-{k}/_attention/_se_reduce/_conv/_conv/bias").TfShape[0]);
        Assert.Equal(new long[] { 16, 40, 40, 40, 96, 56, 96, 96, 96, 96, 96, 192, 144, 144, 176 }, hidden);
        // Layers with t = 1 (block0_layer0 = k 1, block4_layer1–3 = k 13–15) have no temporal conv.
        var temporal = variables.Where(v => v.Path.EndsWith("/_conv_temporal/_conv/depthwise_kernel"))
            .Select(v => int.Parse(v.Path.Split('/')[2]["layer_with_weights-".Length..]));
        Assert.Equal(Enumerable.Range(2, 11), temporal);
        Assert.DoesNotContain(variables, v => v.Path.Contains("_pos_encoding"));
    }

    [Fact]
    public void A3StreamHasAPositionalEncodingScalePerLayer()
    {
        using var model = new MovinetClassifier(MovinetOptions.For("a3", MovinetVariant.Stream));
        var scales = model.TfVariables().Where(v => v.Path.EndsWith("/_attention/_pos_encoding/_rezero/scale")).ToList();
        Assert.Equal(33, scales.Count);
        Assert.All(scales, v => Assert.Empty(v.TfShape));
        Assert.Equal("model/layer_with_weights-0/layer_with_weights-1/_attention/_pos_encoding/_rezero/scale", scales[0].Path);
    }

    [Theory]
    [InlineData(172, "86 43 22 11 11 6")]
    [InlineData(224, "112 56 28 14 14 7")]
    public void A0SpatialSizesAfterStemAndStagesMatchDocument(int resolution, string expected)
    {
        using var scope = NewDisposeScope();
        using var model = new MovinetClassifier(MovinetOptions.For("a0", MovinetVariant.Base));
        model.eval();
        var lastOfStage = new Dictionary<string, long>();
        using (no_grad())
        {
            model.Backbone.Forward(zeros(new long[] { 1, 3, 1, resolution, resolution }), null, (name, output) =>
            {
                Assert.Equal(output.shape[3], output.shape[4]);
                lastOfStage[name.Split('_')[0]] = output.shape[3];
            });
        }

        Assert.Equal(expected, string.Join(" ", lastOfStage.Values));
        // The shape trace used for summaries must agree with the real forward pass.
        var traced = model.DescribeLayers(1, resolution, resolution)
            .Where(l => l.Name == "stem" || l.Name.EndsWith("/projection") && !l.Name.Contains("/skip/"))
            .GroupBy(l => l.Name.Split('_')[0])
            .Select(g => g.Last().OutputShape[2]);
        Assert.Equal(expected, string.Join(" ", traced));
    }

    [Theory]
    [InlineData(MovinetVariant.Base)]
    [InlineData(MovinetVariant.Stream)]
    public void ActivationsStayChannelsLastThroughEveryBlock(MovinetVariant variant)
    {
        // Channels-last is the layout LibTorch's fast CPU convolutions need; one op that silently
        // returns NCDHW (avg_pool3d in the skip path did) sends every later block down the slow path.
        using var scope = NewDisposeScope();
        using var model = new MovinetClassifier(MovinetOptions.For("a0", variant));
        model.eval();
        var notChannelsLast = new List<string>();
        using (inference_mode())
        {
            model.Backbone.Forward(rand(new long[] { 2, 3, 3, 32, 32 }), null, (name, output) =>
            {
                long[] stride = output.stride();
                if (stride[1] != 1) notChannelsLast.Add($"{name} [{string.Join(",", stride)}]");
            });
        }

        Assert.Empty(notChannelsLast);
    }

    [Fact]
    public void ForwardGivesLogitsPerClip()
    {
        using var scope = NewDisposeScope();
        using var model = new MovinetClassifier(MovinetOptions.For("a0", MovinetVariant.Base, numClasses: 7));
        model.eval();
        using var noGrad = no_grad();
        var logits = model.forward(TestClips.RandomClip(2, 3, 33, seed: 1));
        Assert.Equal(new long[] { 2, 7 }, logits.shape);
        Assert.Equal(new long[] { 2, 480 }, model.Backbone.forward(TestClips.RandomClip(2, 3, 33, seed: 1)).shape);
        Assert.Throws<ArgumentException>(() => model.forward(zeros(new long[] { 2, 1, 3, 33, 33 })));
    }

    [Fact]
    public void ReplaceHeadInstallsAFreshHeadAndKeepsTheBackbone()
    {
        using var scope = NewDisposeScope();
        using var model = new MovinetClassifier(MovinetOptions.For("a0", MovinetVariant.Base));
        var backboneBefore = model.TfVariables().Where(v => !v.IsHead).Select(v => v.Tensor.clone()).ToList();
        var oldHead = model.Head;

        model.ReplaceHead(10);

        Assert.NotSame(oldHead, model.Head);
        Assert.Equal(10, model.Options.NumClasses);
        var variables = model.TfVariables();
        Assert.Equal(new[] { 480L * 2048 + 2048 + 2048 * 10 + 10 }, new[] { model.CountParameters().Head });
        Assert.Equal(new long[] { 1, 1, 1, 2048, 10 }, variables.Single(v => v.Path.EndsWith("_classifier/_conv/kernel")).TfShape);
        Assert.All(variables.Where(v => v.IsHead && v.Path.EndsWith("/bias")), v => Assert.Equal(0f, v.Tensor.abs().max().item<float>()));
        var classifier = variables.Single(v => v.Path.EndsWith("_classifier/_conv/kernel")).Tensor;
        Assert.InRange(classifier.std().item<float>(), 0.009, 0.011);
        var hidden = variables.Single(v => v.Path.EndsWith("_head/_conv/kernel")).Tensor;
        Assert.InRange(hidden.std().item<float>(), Math.Sqrt(2.0 / 480) * 0.95, Math.Sqrt(2.0 / 480) * 1.05);
        var backboneAfter = variables.Where(v => !v.IsHead).Select(v => v.Tensor).ToList();
        Assert.All(backboneBefore.Zip(backboneAfter), pair => Assert.True(pair.First.allclose(pair.Second, 0, 0)));
        // The module tree holds exactly the new head's parameters.
        Assert.Equal(model.CountParameters().Trainable, model.parameters().Sum(p => p.numel()));
        using var noGrad = no_grad();
        model.eval();
        Assert.Equal(new long[] { 1, 10 }, model.forward(TestClips.RandomClip(1, 2, 32, seed: 2)).shape);
    }

    private static void AssertVariable(MovinetOptions options, string path, string shape)
    {
        using var model = new MovinetClassifier(options);
        var variable = model.TfVariables().SingleOrDefault(v => v.Path == path);
        Assert.True(variable is not null, $"no variable {path}");
        Assert.Equal(shape, string.Join(",", variable!.TfShape));
        Assert.Equal(variable.Count, variable.Tensor.numel());
        Assert.Equal(path.StartsWith("model/layer_with_weights-1/"), variable.IsHead);
    }
}
