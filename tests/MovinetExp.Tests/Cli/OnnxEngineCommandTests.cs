using System.Text.Json;
using MovinetExp.Tests.Numerics;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Cli;

/// <summary>
/// `export --format onnx` then `predict`/`stream --engine onnx` on the exported file: the same JSON as TorchSharp on the
/// checkpoint it came from (same fields, same top-5, logits within 1e-4); and the user errors of the new options.
/// </summary>
public class OnnxEngineCommandTests
{
    [Fact]
    public void PredictOnTheExportGivesTheTorchTopFiveAndLogits()
    {
        string folder = TestPaths.NewScratchFolder("cli-onnx-predict");
        try
        {
            string checkpoint = ParityFixtures.Checkpoint("a0-base");
            string clip = ParityFixtures.Input("noise-72");
            var export = CliProcess.Run(folder, "export", "--checkpoint", checkpoint, "--format", "onnx", "-o", "a0.onnx");
            CliFixtures.AssertExit(0, export);
            CliFixtures.AssertContains("a0.onnx", export.StandardOutput);

            var onnx = CliProcess.Run(folder, "predict", clip, "--engine", "onnx", "--onnx", "a0.onnx", "--device", "cpu", "--json");
            var torch = CliProcess.Run(folder, "predict", clip, "--checkpoint", checkpoint, "--device", "cpu", "--json");

            CliFixtures.AssertExit(0, onnx);
            CliFixtures.AssertExit(0, torch);
            using var o = JsonDocument.Parse(onnx.StandardOutput);
            using var t = JsonDocument.Parse(torch.StandardOutput);
            Assert.Equal(Fields(t.RootElement), Fields(o.RootElement));
            Assert.Equal("onnx", o.RootElement.GetProperty("engine").GetString());
            Assert.Equal("torch", t.RootElement.GetProperty("engine").GetString());
            var onnxPredictions = o.RootElement.GetProperty("predictions").EnumerateArray().ToList();
            var torchPredictions = t.RootElement.GetProperty("predictions").EnumerateArray().ToList();
            Assert.Equal(2, onnxPredictions.Count);
            for (int i = 0; i < onnxPredictions.Count; i++)
            {
                Assert.Equal(Fields(torchPredictions[i]), Fields(onnxPredictions[i]));
                Assert.Equal(Top(torchPredictions[i].GetProperty("top")), Top(onnxPredictions[i].GetProperty("top")));
                AssertLogitsClose(torchPredictions[i].GetProperty("logits"), onnxPredictions[i].GetProperty("logits"));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void StreamOnTheExportEndsWithTheReferenceLogits()
    {
        string folder = TestPaths.NewScratchFolder("cli-onnx-stream");
        try
        {
            string checkpoint = ParityFixtures.Checkpoint("a0-stream");
            string clip = ParityFixtures.Input("video-172");
            CliFixtures.AssertExit(0, CliProcess.Run(folder, "export", "--checkpoint", checkpoint, "-o", "a0-stream.onnx"));

            var onnx = CliProcess.Run(folder, "stream", clip, "--onnx", "a0-stream.onnx", "--json");

            // TorchSharp's stream on this clip is checked against the same reference logits (ParityTests, StreamCommandTests).
            CliFixtures.AssertExit(0, onnx);
            using var o = JsonDocument.Parse(onnx.StandardOutput);
            Assert.Equal(["classifier", "engine", "hard_sigmoid", "frame_step", "resolution", "streams"], Fields(o.RootElement));
            var stream = Assert.Single(o.RootElement.GetProperty("streams").EnumerateArray());
            Assert.Equal(8, stream.GetProperty("frames").GetArrayLength());
            ParityFixtures.AssertMatches("a0-stream", "video-172",
                stream.GetProperty("final_logits").EnumerateArray().Select(l => l.GetSingle()).ToArray(), "stream --engine onnx");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(2, "--engine onnx runs an exported model: pass it with --onnx FILE.onnx", "predict", "clip.npy", "--engine", "onnx", "--model", "a0")]
    [InlineData(2, "--onnx FILE runs on ONNX Runtime: drop --engine torch", "predict", "clip.npy", "--engine", "torch", "--onnx", "a.onnx")]
    [InlineData(2, "--engine must be torch or onnx, not 'tflite'", "stream", "clip.npy", "--engine", "tflite", "--onnx", "a.onnx")]
    [InlineData(2, "choose the classifier with exactly one of", "predict", "clip.npy", "--onnx", "a.onnx", "--model", "a0")]
    [InlineData(4, "--onnx missing.onnx: no such file", "predict", "clip.npy", "--onnx", "missing.onnx")]
    [InlineData(4, "--onnx not-a-model.onnx: ONNX Runtime cannot load it", "predict", "clip.npy", "--onnx", "not-a-model.onnx")]
    [InlineData(2, "--device cuda: this build of the tool has the CPU-only ONNX Runtime", "predict", "clip.npy", "--onnx", "not-a-model.onnx", "--device", "cuda")]
    [InlineData(2, "--format must be onnx (the only export format), not 'tflite'", "export", "--model", "a0", "--format", "tflite", "-o", "a.tflite")]
    [InlineData(2, "give the file to write with -o FILE.onnx", "export", "--model", "a0")]
    [InlineData(2, "choose the classifier with exactly one of RUN_DIR, --model ID", "export", "-o", "a.onnx")]
    public void UserErrorsGetTheirExitCodeAndAMessageWithoutAStackTrace(int exitCode, string message, params string[] arguments)
    {
        string folder = TestPaths.NewScratchFolder("cli-onnx-errors");
        try
        {
            File.WriteAllText(Path.Combine(folder, "not-a-model.onnx"), "this is not a protobuf model");
            CliFixtures.SaveClip(folder);

            var result = CliProcess.Run(folder, arguments);

            CliFixtures.AssertExit(exitCode, result);
            CliFixtures.AssertContains(message, result.StandardError);
            Assert.DoesNotContain("   at ", result.StandardError);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string[] Fields(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    private static (int, string?)[] Top(JsonElement top) =>
        top.EnumerateArray().Select(t => (t.GetProperty("index").GetInt32(), t.GetProperty("label").GetString())).ToArray();

    private static void AssertLogitsClose(JsonElement expected, JsonElement actual)
    {
        var e = expected.EnumerateArray().Select(l => l.GetDouble()).ToArray();
        var a = actual.EnumerateArray().Select(l => l.GetDouble()).ToArray();
        Assert.Equal(e.Length, a.Length);
        double worst = e.Zip(a, (x, y) => Math.Abs(x - y)).Max();
        Assert.True(worst <= ParityFixtures.Tolerance, $"ONNX Runtime logits differ from TorchSharp's by {worst:E2}");
    }
}
