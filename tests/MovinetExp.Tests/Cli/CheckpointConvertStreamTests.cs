using MovinetExp.Checkpoints;
using MovinetExp.Models;
using MovinetExp.Tests.Models;
using MovinetExp.Tests.Support;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Cli;

/// <summary>`checkpoint convert-stream`: a stream checkpoint in TF's training layout becomes the released layout, same outputs.</summary>
public class CheckpointConvertStreamTests
{
    [Fact]
    public void ATrainingLayoutStreamCheckpointConvertsToTheReleasedLayoutWithTheSameLogits()
    {
        string folder = TestPaths.NewScratchFolder("cli-convert");
        try
        {
            manual_seed(4);
            var options = MovinetOptions.For("a0", MovinetVariant.Stream, 7) with { ConvType = ConvType.Conv3dTwoPlusOneD };
            using var trained = new MovinetClassifier(ModelPerturbation.Calibratable(options));
            ModelPerturbation.Apply(trained, seed: 8, TestClips.RandomClip(1, 3, 32, seed: 2));
            string input = MovinetCheckpointWriter.Save(trained, Path.Combine(folder, "trained"));
            Assert.Equal(ConvType.Conv3dTwoPlusOneD, CheckpointModelDetector.TryDetect(input)!.ConvType);

            var result = CliProcess.Run(folder, "checkpoint", "convert-stream", input, Path.Combine(folder, "released"));
            Assert.True(result.ExitCode == 0, result.Unwrapped);

            var detected = CheckpointModelDetector.TryDetect(Path.Combine(folder, "released"))!;
            Assert.Equal(("a0", MovinetVariant.Stream, 7, ConvType.TwoPlusOneD), (detected.ModelId, detected.Variant, detected.NumClasses, detected.ConvType));
            using var released = new MovinetClassifier(MovinetOptions.For("a0", MovinetVariant.Stream, 7));
            MovinetCheckpointLoader.Load(released, Path.Combine(folder, "released"), CheckpointLoadMode.Full);
            trained.eval();
            released.eval();
            using var noGrad = no_grad();
            var clip = TestClips.RandomClip(1, 4, 32, seed: 9);
            double difference = (trained.forward(clip) - released.forward(clip)).abs().max().item<float>();
            Assert.True(difference < 1e-5, $"max logit difference {difference}");

            // A released (2plus1d) checkpoint needs no conversion: a clear error, exit 4.
            var again = CliProcess.Run(folder, "checkpoint", "convert-stream", Path.Combine(folder, "released"), Path.Combine(folder, "again"));
            Assert.Equal(4, again.ExitCode);
            Assert.Contains("only 3d_2plus1d", again.Unwrapped);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
