using MovinetExp.Models;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Models;

/// <summary>Causal models streamed chunk by chunk must reproduce the whole-clip logits (docs §6.4).</summary>
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
        var error = Assert.Throws<MovinetExp.Common.SpecException>(() => model.InitStates(1, 32, 32));
        Assert.Contains("not causal", error.Message);
        using var state = new StreamState();
        Assert.Throws<MovinetExp.Common.SpecException>(() => model.Stream(zeros(new long[] { 1, 3, 1, 32, 32 }), state));
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
