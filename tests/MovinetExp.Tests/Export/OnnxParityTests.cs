using MovinetExp.Checkpoints;
using MovinetExp.Data.Video;
using MovinetExp.Inference;
using MovinetExp.Inference.Onnx;
using MovinetExp.Interop;
using MovinetExp.Models;
using MovinetExp.Native;
using MovinetExp.Tests.Numerics;
using MovinetExp.Tests.Support;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Export;

/// <summary>
/// A0 base and stream of ../shared/fixtures/parity exported to ONNX and run by ONNX Runtime: the logits equal the
/// independent implementations' and the TorchSharp model's at 1e-4, and the stream export run frame by frame, carrying
/// its state outputs back in, equals the whole clip.
/// </summary>
public class OnnxParityTests : IClassFixture<OnnxParityTests.Exports>
{
    private readonly Exports _exports;

    public OnnxParityTests(Exports exports) => _exports = exports;

    public static TheoryData<string, string> Cases() => ParityTests.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void ExportedLogitsMatchTheReferencesAndTorchSharp(string model, string input)
    {
        var (onnx, torch) = _exports.Get(model);
        var clip = NpyReader.Read(ParityFixtures.Input(input));
        int[] s = clip.Shape;

        var exported = onnx.Classify(clip.Data, s[0], s[1], s[2], s[3]);
        var reference = torch.Classify(clip.Data, s[0], s[1], s[2], s[3]);

        ParityFixtures.AssertMatches(model, input, exported.SelectMany(l => l).ToArray(), "ONNX Runtime, whole clip");
        AssertClose(reference, exported, "TorchSharp", "ONNX Runtime");
    }

    [Theory]
    [InlineData("noise-72")]
    [InlineData("video-172")]
    public void StreamExportFrameByFrameEqualsTheWholeClip(string input)
    {
        var (onnx, _) = _exports.Get("a0-stream");
        var clip = NpyReader.Read(ParityFixtures.Input(input));
        int[] s = clip.Shape;
        var whole = onnx.Classify(clip.Data, s[0], s[1], s[2], s[3]);
        int frameLength = s[2] * s[3] * 3;

        var streamed = new float[s[0]][];
        for (int b = 0; b < s[0]; b++)
        {
            using var stream = onnx.OpenStream(s[2], s[3]);
            for (int t = 0; t < s[1]; t++)
                streamed[b] = stream.Next(clip.Data.AsSpan((b * s[1] + t) * frameLength, frameLength).ToArray());
        }

        AssertClose(whole, streamed, "whole clip", "frame by frame");
        ParityFixtures.AssertMatches("a0-stream", input, streamed.SelectMany(l => l).ToArray(), "ONNX Runtime, frame by frame");
    }

    private static void AssertClose(float[][] expected, float[][] actual, string expectedName, string actualName)
    {
        Assert.Equal(expected.Length, actual.Length);
        double worst = expected.Zip(actual, (e, a) => e.Zip(a, (x, y) => Math.Abs(x - y)).Max()).Max();
        Assert.True(worst <= ParityFixtures.Tolerance, $"{actualName} logits miss the {expectedName} logits by {worst:E2}; tolerance {ParityFixtures.Tolerance}");
    }

    /// <summary>Each parity model loaded once, exported once, and opened in ONNX Runtime, shared by the tests.</summary>
    public sealed class Exports : IDisposable
    {
        private readonly Dictionary<string, (OnnxClassifier Onnx, LoadedClassifier Torch)> _models = new();
        private readonly string _folder = TestPaths.NewScratchFolder("onnx-parity");

        public (OnnxClassifier Onnx, LoadedClassifier Torch) Get(string model)
        {
            lock (_models)
            {
                if (_models.TryGetValue(model, out var loaded)) return loaded;
                var torch = ClassifierLoader.FromCheckpoint(ParityFixtures.Checkpoint(model), "a0",
                    model == "a0-stream" ? MovinetVariant.Stream : MovinetVariant.Base, HardSigmoidKind.Keras, Path.Combine(_folder, "cache"), CPU);
                string path = Path.Combine(_folder, model + ".onnx");
                OnnxExporter.Export(torch, path);
                return _models[model] = (OnnxClassifier.Open(path, DeviceKind.Cpu), torch);
            }
        }

        public void Dispose()
        {
            foreach (var (onnx, torch) in _models.Values)
            {
                onnx.Dispose();
                torch.Dispose();
            }
            Directory.Delete(_folder, recursive: true);
        }
    }
}
