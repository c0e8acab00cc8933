using System.Text.Json;
using MovinetExp.Checkpoints;
using MovinetExp.Models;
using MovinetExp.Tests.Models;
using MovinetExp.Tests.Support;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Cli;

/// <summary>`stream --json` is written frame by frame; what a consumer reads at the end must still be one valid document.</summary>
public class StreamCommandTests
{
    [Fact]
    public void JsonIsOneDocumentWithEveryFrameAndTheFinalAnswer()
    {
        string folder = TestPaths.NewScratchFolder("cli-stream-json");
        try
        {
            manual_seed(44);
            string prefix;
            using (var model = new MovinetClassifier(MovinetOptions.For("a0", MovinetVariant.Stream, 3)))
                prefix = MovinetCheckpointWriter.Save(model, Path.Combine(folder, "model"));

            var result = CliProcess.Run(folder, "stream", TestClips.PunchVideo, "--checkpoint", prefix, "--frame-step", "3",
                "--resolution", "32", "--max-frames", "5", "--device", "cpu", "--json", "--logits-out", "final.npy");

            Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
            using var json = JsonDocument.Parse(result.StandardOutput);
            Assert.Equal(3, json.RootElement.GetProperty("frame_step").GetInt32());
            var stream = Assert.Single(json.RootElement.GetProperty("streams").EnumerateArray());
            Assert.Equal(TestClips.PunchVideo, stream.GetProperty("input").GetString());
            var frames = stream.GetProperty("frames").EnumerateArray().ToList();
            Assert.Equal([0, 1, 2, 3, 4], frames.Select(f => f.GetProperty("frame").GetInt32()));
            Assert.All(frames, f => Assert.Equal(1.0, f.GetProperty("probabilities").EnumerateArray().Sum(p => p.GetDouble()), 6));
            Assert.Equal(3, stream.GetProperty("final_logits").GetArrayLength());
            Assert.Equal(3, stream.GetProperty("final_top").GetArrayLength());
            Assert.True(File.Exists(Path.Combine(folder, "final.npy")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
