using MovinetExp.Checkpoints;
using MovinetExp.Interop;
using MovinetExp.Models;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Numerics;

/// <summary>
/// The whole model against the independent logits, in this process (whatever kernels this machine picks):
/// whole clips for both models, and the stream model frame by frame with its state.
/// </summary>
public class ParityTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (string model in ParityFixtures.Models)
        foreach (string input in ParityFixtures.Inputs)
            data.Add(model, input);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WholeClipLogitsMatchTheIndependentImplementations(string model, string input)
    {
        using var scope = NewDisposeScope();
        using var classifier = Load(model);
        using var noGrad = no_grad();
        var logits = classifier.forward(Clip(input));
        ParityFixtures.AssertMatches(model, input, logits.data<float>().ToArray(), "whole clip");
    }

    [Theory]
    [InlineData("noise-72")]
    [InlineData("video-172")]
    public void StreamModelFrameByFrameMatchesTheIndependentImplementations(string input)
    {
        using var scope = NewDisposeScope();
        using var classifier = Load("a0-stream");
        var clip = Clip(input);
        var state = classifier.InitStates(clip.shape[0], clip.shape[3], clip.shape[4]);
        Tensor logits = null!;
        for (long t = 0; t < clip.shape[2]; t++)
        {
            var (frameLogits, next) = classifier.Stream(clip.narrow(2, t, 1), state);
            state.Dispose();
            state = next;
            logits = frameLogits;
        }

        state.Dispose();
        ParityFixtures.AssertMatches("a0-stream", input, logits.data<float>().ToArray(), "frame by frame");
    }

    private static MovinetClassifier Load(string model)
    {
        var classifier = new MovinetClassifier(MovinetOptions.For("a0",
            model == "a0-stream" ? MovinetVariant.Stream : MovinetVariant.Base));
        MovinetCheckpointLoader.Load(classifier, ParityFixtures.Checkpoint(model), CheckpointLoadMode.Full);
        classifier.eval();
        return classifier;
    }

    /// <summary>[B,T,H,W,3] from the .npy → [B,3,T,H,W].</summary>
    private static Tensor Clip(string input)
    {
        var array = NpyReader.Read(ParityFixtures.Input(input));
        return tensor(array.Data, array.Shape.Select(s => (long)s).ToArray()).permute(0, 4, 1, 2, 3);
    }
}
