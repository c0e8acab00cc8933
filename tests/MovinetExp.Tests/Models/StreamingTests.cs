using MovinetExp.Models;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Models;

/// <summary>Causal models streamed chunk by chunk must reproduce the whole-clip logits
/// (../shared/design/movinet-architecture.md §6.4).</summary>
public class StreamingTests
{
    private const double Tolerance = 1e-4;

    public static TheoryData<string> Configurations => new() { "a0-stream", "a1-stream", "a2-stream", "a0-causal-3d-pe", "a0-causal-3d2plus1d-2d" };

    private static MovinetOptions Options(string name) => name switch
    {
        "a0-stream" => MovinetOptions.For("a0", MovinetVariant.Stream),
        "a1-stream" => MovinetOptions.For("a1", MovinetVariant.Stream),
        "a2-stream" => MovinetOptions.For("a2", MovinetVariant.Stream),
        // The legacy-style causal 3D configuration, with positional encoding to cover its frame counter.
        "a0-causal-3d-pe" => new MovinetOptions
        {
            ModelId = "a0", Causal = true, ConvType = ConvType.Conv3d, SeType = SeType.ThreeD,
            UsePositionalEncoding = true,
        },
        "a0-causal-3d2plus1d-2d" => new MovinetOptions
        {
            ModelId = "a0", Causal = true, ConvType = ConvType.Conv3dTwoPlusOneD, SeType = SeType.TwoD,
            Activation = ActivationKind.HardSwish, GatingActivation = ActivationKind.HardSigmoid,
            HardSigmoidKind = HardSigmoidKind.Relu6,
        },
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void RandomClipStreamsLikeWholeClip(string configuration)
    {
        using var scope = NewDisposeScope();
        var clip = TestClips.RandomClip(2, 7, 40, seed: 11);
        using var model = Build(configuration, clip);
        AssertStreamingMatches(model, clip);
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void RealClipStreamsLikeWholeClip(string configuration)
    {
        using var scope = NewDisposeScope();
        var clip = TestClips.RealClip(frames: 8, size: 40);
        using var model = Build(configuration, clip);
        AssertStreamingMatches(model, clip);
    }

    [Fact]
    public void BaseModelRefusesToStream()
    {
        using var model = new MovinetClassifier(MovinetOptions.For("a0", MovinetVariant.Base));
        model.eval();
        var error = Assert.Throws<MovinetExp.Common.UsageException>(() => model.InitStates(1, 32, 32));
        Assert.Contains("not causal", error.Message);
        using var state = new StreamState();
        Assert.Throws<MovinetExp.Common.UsageException>(() => model.Stream(zeros(new long[] { 1, 3, 1, 32, 32 }), state));
    }

    [Fact]
    public void A0StreamInitialStateMatchesDocumentExample()
    {
        // ../shared/design/movinet-architecture.md §6.2 example at 172×172, in torch layout [B, C, t−1, H, W]. (The
        // text says 12 stream buffers but lists 11; layers with t = 1 — block0_layer0, block4_layer1–3 — have none.)
        using var model = new MovinetClassifier(MovinetOptions.For("a0", MovinetVariant.Stream));
        using var state = model.InitStates(2, 172, 172);
        var buffers = state.Buffers.Where(b => b.Key.EndsWith("_stream_buffer"))
            .ToDictionary(b => b.Key["state_".Length..^"_stream_buffer".Length], b => string.Join(",", b.Value.shape));
        var expected = new Dictionary<string, string>
        {
            ["block1_layer0"] = "2,80,2,22,22", ["block1_layer1"] = "2,80,2,22,22", ["block1_layer2"] = "2,80,2,22,22",
            ["block2_layer0"] = "2,184,4,11,11", ["block2_layer1"] = "2,112,2,11,11", ["block2_layer2"] = "2,184,2,11,11",
            ["block3_layer0"] = "2,184,4,11,11", ["block3_layer1"] = "2,184,2,11,11", ["block3_layer2"] = "2,184,2,11,11",
            ["block3_layer3"] = "2,184,2,11,11", ["block4_layer0"] = "2,384,4,6,6",
        };
        Assert.Equal(expected.OrderBy(e => e.Key), buffers.OrderBy(e => e.Key));
        Assert.Equal(15, state.Buffers.Keys.Count(k => k.EndsWith("_pool_buffer") && k.StartsWith("state_block")));
        Assert.Equal(16, state.FrameCounts.Count);
        Assert.All(state.FrameCounts.Values, n => Assert.Equal(0, n));
        Assert.Equal(new long[] { 2, 480, 1, 1, 1 }, state.Buffers["state_head_pool_buffer"].shape);
        Assert.Equal(new long[] { 2, 344, 1, 1, 1 }, state.Buffers["state_block4_layer3_pool_buffer"].shape);
        Assert.All(state.Buffers.Values, t => Assert.Equal(0f, t.abs().max().item<float>()));
    }

    [Fact]
    public void StreamRefusesStateOfAnotherResolution()
    {
        using var scope = NewDisposeScope();
        using var model = new MovinetClassifier(MovinetOptions.For("a0", MovinetVariant.Stream));
        model.eval();
        using var state = model.InitStates(1, 32, 32);
        var error = Assert.Throws<InvalidOperationException>(() => model.Stream(zeros(new long[] { 1, 3, 1, 48, 48 }), state));
        Assert.Contains("InitStates", error.Message);
    }

    [Fact]
    public void RepeatedForwardStreamAndBackwardLeaveNoLiveTensorsBehind()
    {
        using var model = new MovinetClassifier(MovinetOptions.For("a0", MovinetVariant.Stream, numClasses: 5));
        using var clip = TestClips.RandomClip(1, 3, 32, seed: 4);
        void Round()
        {
            model.eval();
            using (no_grad()) model.forward(clip).Dispose();
            var state = model.InitStates(1, 32, 32);
            for (long t = 0; t < 3; t++)
            {
                using var frame = clip.narrow(2, t, 1);
                var (logits, next) = model.Stream(frame, state);
                logits.Dispose();
                state.Dispose();
                state = next;
            }

            state.Dispose();
            model.train();
            using var scope = NewDisposeScope();
            model.zero_grad();
            model.forward(clip).sum().backward();
        }

        Round(); // creates the gradient tensors once
        long before = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (int i = 0; i < 3; i++) Round();
        Assert.Equal(before, TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    private static MovinetClassifier Build(string configuration, Tensor calibration)
    {
        manual_seed(1234);
        var model = new MovinetClassifier(ModelPerturbation.Calibratable(Options(configuration)));
        ModelPerturbation.Apply(model, seed: 99, calibration);
        model.eval();
        return model;
    }

    private static void AssertStreamingMatches(MovinetClassifier model, Tensor clip)
    {
        long frames = clip.shape[2];
        Tensor whole;
        using (no_grad()) whole = model.forward(clip);

        foreach (int chunk in new[] { 1, 3 })
        {
            var state = model.InitStates(clip.shape[0], clip.shape[3], clip.shape[4]);
            Tensor? logits = null;
            for (long start = 0; start < frames; start += chunk)
            {
                var (output, next) = model.Stream(clip.narrow(2, start, Math.Min(chunk, frames - start)), state);
                state.Dispose();
                state = next;
                logits = output;
            }

            Assert.Equal(frames, state.FramesSeen);
            state.Dispose();
            double difference = (logits! - whole).abs().max().item<float>();
            Assert.True(difference <= Tolerance, $"chunk {chunk}: max |stream − whole| = {difference}, max |whole| = {whole.abs().max().item<float>()}");
        }

        // The test is only meaningful if the logits depend on the earlier frames: streaming just the
        // last frame from a fresh state must give clearly different logits.
        using var fresh = model.InitStates(clip.shape[0], clip.shape[3], clip.shape[4]);
        var (lastOnly, lastState) = model.Stream(clip.narrow(2, frames - 1, 1), fresh);
        lastState.Dispose();
        double spread = (lastOnly - whole).abs().max().item<float>();
        Assert.True(spread > 1000 * Tolerance, $"logits barely depend on history (max change {spread}, max |whole| = {whole.abs().max().item<float>()})");
    }
}
