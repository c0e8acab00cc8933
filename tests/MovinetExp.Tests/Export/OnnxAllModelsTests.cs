using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using MovinetExp.Data.Video;
using MovinetExp.Export;
using MovinetExp.Inference;
using MovinetExp.Inference.Onnx;
using MovinetExp.Models;
using MovinetExp.Native;
using MovinetExp.Tests.Models;
using MovinetExp.Tests.Support;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Export;

/// <summary>
/// All twelve models (A0–A5, base and stream) export and run in ONNX Runtime on a small batch of clips (2 x 3 frames of
/// 40x40: strided layers see even and odd sizes), with the logits' shape, finite values, a stream export's frame-by-frame
/// run equal to its whole-clip run, and its state described by its metadata. Two models other than A0 (A1 base; A3
/// stream, with positional encoding) with random weights moved away from their initial values must also give TorchSharp's
/// logits: an unfaithful export fails. (A0 is compared on the parity fixtures; A5 with such random weights is so
/// sensitive to rounding that TorchSharp's own frame-by-frame and whole-clip runs differ, so it proves nothing there.)
/// </summary>
public class OnnxAllModelsTests
{
    private const int Batch = 2, Frames = 3, Size = 40, Classes = 5;

    public static TheoryData<string, MovinetVariant> Models()
    {
        var data = new TheoryData<string, MovinetVariant>();
        foreach (string id in MovinetArchitectures.ModelIds)
        foreach (var variant in new[] { MovinetVariant.Base, MovinetVariant.Stream })
            data.Add(id, variant);
        return data;
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void EveryModelExportsAndRuns(string id, MovinetVariant variant)
    {
        var pixels = RandomPixels(Batch * Frames * Size * Size * 3, seed: id[1]);
        manual_seed(17);
        using var torch = Classifier(new MovinetClassifier(MovinetOptions.For(id, variant, Classes)), $"{id} {variant}");
        torch.Model.eval();
        using var exported = Exported(torch);

        var logits = exported.Onnx.Classify(pixels, Batch, Frames, Size, Size);

        Assert.Equal(Batch, logits.Length);
        Assert.All(logits, l => Assert.Equal(Classes, l.Length));
        Assert.All(logits.SelectMany(l => l), l => Assert.True(float.IsFinite(l), $"{id} {variant}: logit {l}"));
        Assert.Equal(variant == MovinetVariant.Stream, exported.Onnx.Causal);
        if (variant == MovinetVariant.Stream)
        {
            AssertStreamEqualsWholeClip(exported.Onnx, pixels, logits, $"{id} stream");
            AssertStateMetadataDescribesTheGraph(exported.Path);
        }
    }

    [Theory]
    [InlineData("a1", MovinetVariant.Base)]
    [InlineData("a3", MovinetVariant.Stream)]
    public void ExportOfRandomWeightsEqualsTorchSharp(string id, MovinetVariant variant)
    {
        var pixels = RandomPixels(Batch * Frames * Size * Size * 3, seed: id[1]);
        manual_seed(17);
        var model = new MovinetClassifier(ModelPerturbation.Calibratable(MovinetOptions.For(id, variant, Classes)));
        using (var scope = NewDisposeScope())
            ModelPerturbation.Apply(model, seed: 18, tensor(pixels, [Batch, Frames, Size, Size, 3]).permute(0, 4, 1, 2, 3).contiguous());
        using var torch = Classifier(model, $"perturbed {id} {variant}");
        using var exported = Exported(torch);

        var expected = torch.Classify(pixels, Batch, Frames, Size, Size);
        var actual = exported.Onnx.Classify(pixels, Batch, Frames, Size, Size);

        Assert.True(expected[0].Max() - expected[0].Min() > 1e-2, "logits are (nearly) constant: the comparison would prove nothing");
        for (int b = 0; b < Batch; b++) AssertClose(expected[b], actual[b], $"{id} {variant}, clip {b}: ONNX Runtime against TorchSharp");
        if (variant == MovinetVariant.Stream) AssertStreamEqualsWholeClip(exported.Onnx, pixels, actual, $"{id} stream");
    }

    private static void AssertStreamEqualsWholeClip(OnnxClassifier onnx, float[] pixels, float[][] whole, string what)
    {
        int frameLength = Size * Size * 3;
        for (int b = 0; b < Batch; b++)
        {
            using var stream = onnx.OpenStream(Size, Size);
            float[] streamed = [];
            for (int t = 0; t < Frames; t++) streamed = stream.Next(pixels.AsSpan((b * Frames + t) * frameLength, frameLength).ToArray());
            AssertClose(whole[b], streamed, $"{what}, clip {b}: ONNX Runtime frame by frame against the whole clip");
        }
    }

    /// <summary>The metadata's stream_state lists exactly the graph's state inputs and outputs, with their shapes.</summary>
    private static void AssertStateMetadataDescribesTheGraph(string path)
    {
        using var session = new InferenceSession(path);
        using var document = JsonDocument.Parse(session.ModelMetadata.CustomMetadataMap[OnnxContract.StreamStateKey]);
        var entries = document.RootElement.GetProperty("entries").EnumerateArray().ToList();
        var stateInputs = session.InputNames.Where(n => n.StartsWith(OnnxContract.StatePrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(stateInputs, entries.Select(e => e.GetProperty("input").GetString()));
        Assert.Equal(session.OutputNames.Skip(1), entries.Select(e => e.GetProperty("output").GetString()));
        foreach (var entry in entries)
        {
            var input = session.InputMetadata[entry.GetProperty("input").GetString()!];
            var described = entry.GetProperty("shape").EnumerateArray().Select(d => d.GetString()).ToList();
            Assert.Equal(described, input.Dimensions.Select((size, i) => size >= 0 ? size.ToString() : input.SymbolicDimensions[i]));
        }
    }

    private static void AssertClose(float[] expected, float[] actual, string what)
    {
        // Relative to the logits' size: random weights give logits of any scale, float32 rounding scales with them.
        double scale = Math.Max(1, expected.Max(Math.Abs));
        double worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst <= 1e-4 * scale, $"{what}: logits differ by {worst:E2} (largest logit {scale:F2})");
    }

    private static LoadedClassifier Classifier(MovinetClassifier model, string origin) =>
        new(model, Enumerable.Range(0, Classes).Select(i => $"c{i}").ToArray(), new InputSampling(Frames, 1, Size, ResizeMode.Pad), origin, CPU, "test");

    /// <summary>The classifier exported to a scratch file and opened in ONNX Runtime; disposing deletes the file.</summary>
    private static ExportedModel Exported(LoadedClassifier torch)
    {
        string folder = TestPaths.NewScratchFolder("onnx-model");
        string path = Path.Combine(folder, "model.onnx");
        OnnxExporter.Export(torch, path);
        return new ExportedModel(OnnxClassifier.Open(path, DeviceKind.Cpu), path, folder);
    }

    private sealed record ExportedModel(OnnxClassifier Onnx, string Path, string Folder) : IDisposable
    {
        public void Dispose()
        {
            Onnx.Dispose();
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static float[] RandomPixels(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)random.NextDouble()).ToArray();
    }
}
