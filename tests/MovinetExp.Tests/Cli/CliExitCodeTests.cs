using System.Text.Json;
using MovinetExp.Checkpoints;
using MovinetExp.Checkpoints.Format;
using MovinetExp.Models;
using MovinetExp.Tests.Models;
using MovinetExp.Tests.Support;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Cli;

/// <summary>
/// The documented exit codes (README: 2 spec error, 3 data error, 4 checkpoint error) and error reports
/// of the real tool, run as a process: what CI pipelines depend on.
/// </summary>
public class CliExitCodeTests
{
    [Fact]
    public void PredictAnswersTheGoodVideoNamesTheBadOneAndExits3()
    {
        string folder = TestPaths.NewScratchFolder("cli-predict");
        try
        {
            string prefix = SaveA0Base(folder);
            string garbage = Path.Combine(folder, "garbage.avi");
            var noise = new byte[4096];
            new Random(42).NextBytes(noise);
            File.WriteAllBytes(garbage, noise);

            var result = CliProcess.Run(folder, "predict", TestClips.PunchVideo, garbage, "--checkpoint", prefix,
                "--frames", "4", "--resolution", "48", "--device", "cpu", "--json");

            Assert.True(result.ExitCode == 3, $"exit code {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
            using var json = JsonDocument.Parse(result.StandardOutput);
            var prediction = Assert.Single(json.RootElement.GetProperty("predictions").EnumerateArray());
            Assert.Equal(TestClips.PunchVideo, prediction.GetProperty("input").GetString());
            Assert.Equal(3, prediction.GetProperty("logits").GetArrayLength());
            var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
            Assert.Equal(garbage, error.GetProperty("input").GetString());
            Assert.Contains("garbage.avi", error.GetProperty("error").GetString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void PredictWithAModelIdTheCheckpointDoesNotHoldExits4NamingBoth()
    {
        string folder = TestPaths.NewScratchFolder("cli-predict-mismatch");
        try
        {
            string prefix = SaveA0Base(folder);

            var result = CliProcess.Run(folder, "predict", TestClips.PunchVideo, "--checkpoint", prefix, "--model", "a1", "--device", "cpu");

            Assert.True(result.ExitCode == 4, $"exit code {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
            Assert.Contains("You asked for MoViNet a1 base", result.Unwrapped);
            Assert.Contains("holds MoViNet a0 base", result.Unwrapped);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void PredictWithACheckpointWhoseDataShardIsMissingExits4NamingTheShard()
    {
        // `checkpoint inspect` already exits 4 on these files; predict crashed with FileNotFoundException (issue 14, item 6).
        string folder = TestPaths.NewScratchFolder("cli-predict-shard");
        try
        {
            string prefix = SaveA0Base(folder);
            string shard = BundleFileNames.DataPath(prefix, 0, 1);
            File.Move(shard, shard + ".misnamed");
            string clip = CliFixtures.SaveClip(folder);

            var result = CliProcess.Run(folder, "predict", clip, "--checkpoint", prefix, "--device", "cpu");

            CliFixtures.AssertExit(4, result);
            CliFixtures.AssertContains(shard, result.StandardError);
            Assert.DoesNotContain("Exception", result.Unwrapped);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void StreamingWithABaseCheckpointExits2()
    {
        string folder = TestPaths.NewScratchFolder("cli-stream-base");
        try
        {
            string prefix = SaveA0Base(folder);

            var result = CliProcess.Run(folder, "stream", TestClips.PunchVideo, "--checkpoint", prefix,
                "--frames", "2", "--resolution", "32", "--device", "cpu");

            Assert.True(result.ExitCode == 2, $"exit code {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
            Assert.Contains("cannot be streamed frame by frame", result.Unwrapped);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void InspectingACheckpointWithACorruptedIndexExits4AndNamesTheIndex()
    {
        string folder = TestPaths.NewScratchFolder("cli-inspect");
        try
        {
            string prefix = Path.Combine(folder, "ckpt-1");
            using (var writer = new ObjectBasedCheckpointWriter(prefix))
            {
                writer.AddFloat32("model/dense/kernel", [16, 16], Enumerable.Range(0, 256).Select(i => i * 0.5f).ToArray());
                writer.Finish();
            }
            // One flipped bit in the first index block (the bundle header and the first keys): the block's CRC must notice.
            string index = BundleFileNames.IndexPath(prefix);
            byte[] bytes = File.ReadAllBytes(index);
            bytes[8] ^= 0x04;
            File.WriteAllBytes(index, bytes);

            var result = CliProcess.Run(folder, "checkpoint", "inspect", prefix);

            Assert.True(result.ExitCode == 4, $"exit code {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
            Assert.Contains("ckpt-1.index", result.Unwrapped.Replace(" ", ""));
            Assert.Contains("fails its CRC check", result.Unwrapped);
            Assert.DoesNotContain("   at ", result.Unwrapped); // a user error, not a stack trace
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void InspectingACheckpointWithCorruptedTensorDataListsItAndExits4()
    {
        string folder = TestPaths.NewScratchFolder("cli-inspect-data");
        try
        {
            string prefix = Path.Combine(folder, "ckpt-1");
            using (var writer = new ObjectBasedCheckpointWriter(prefix))
            {
                writer.AddFloat32("model/dense/kernel", [16, 16], Enumerable.Range(0, 256).Select(i => i * 0.5f).ToArray());
                writer.Finish();
            }
            // The kernel is the first tensor of the data file: flip a bit inside it.
            string data = BundleFileNames.DataPath(prefix, 0, 1);
            byte[] bytes = File.ReadAllBytes(data);
            bytes[10] ^= 0x01;
            File.WriteAllBytes(data, bytes);

            var result = CliProcess.Run(folder, "checkpoint", "inspect", prefix, "--json");

            Assert.True(result.ExitCode == 4, $"exit code {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
            Assert.Contains("model/dense/kernel", result.StandardOutput);
            Assert.Contains("unavailable", result.StandardOutput);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void InspectingACheckpointHoldingInfinityPrintsItsSumAsJsonNull()
    {
        // JSON has no infinity: the sum is written as null (README), not a serializer crash (issue 14, item 2).
        string folder = TestPaths.NewScratchFolder("cli-inspect-inf");
        try
        {
            string prefix = Path.Combine(folder, "ckpt-1");
            using (var writer = new ObjectBasedCheckpointWriter(prefix))
            {
                writer.AddFloat32("model/dense/kernel", [2], [1f, float.PositiveInfinity]);
                writer.Finish();
            }

            var result = CliProcess.Run(folder, "checkpoint", "inspect", prefix, "--json");

            CliFixtures.AssertExit(0, result);
            using var json = JsonDocument.Parse(result.StandardOutput);
            var kernel = json.RootElement.GetProperty("tensors").EnumerateArray().Single(t => t.GetProperty("key").GetString()!.StartsWith("model/dense/kernel"));
            Assert.Equal(JsonValueKind.Null, kernel.GetProperty("sum").ValueKind);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ValidateListsAllThreeMistakesWithTheirLinesAndExits2()
    {
        string folder = TestPaths.NewScratchFolder("cli-validate");
        try
        {
            File.WriteAllText(Path.Combine(folder, "spec.yaml"), """
                name: three-mistakes
                data:
                  source: synthetic
                  framez: 8
                  resolution: big
                model:
                  id: a9
                """);

            var result = CliProcess.Run(folder, "validate", "spec.yaml");

            Assert.True(result.ExitCode == 2, $"exit code {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
            Assert.Contains("spec.yaml:4:3: data.framez", result.Unwrapped);
            Assert.Contains("spec.yaml:5:15: data.resolution", result.Unwrapped);
            Assert.Contains("spec.yaml:7:7: model.id", result.Unwrapped);
            Assert.Contains("did you mean 'frames'?", result.Unwrapped);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string SaveA0Base(string folder) => CliFixtures.SaveA0Base(folder);
}
