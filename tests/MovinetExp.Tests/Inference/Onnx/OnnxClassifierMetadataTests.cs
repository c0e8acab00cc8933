using Google.Protobuf;
using MovinetExp.Common;
using MovinetExp.Data.Video;
using MovinetExp.Export;
using MovinetExp.Inference;
using MovinetExp.Inference.Onnx;
using MovinetExp.Models;
using MovinetExp.Native;
using MovinetExp.Tests.Support;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Inference.Onnx;

/// <summary>
/// An exported model's resize mode and SE gate are read back in the spelling the exporter writes (the spec's, issue 16);
/// a value the exporter never writes is an error naming the key, not a silent pad or keras.
/// </summary>
public class OnnxClassifierMetadataTests
{
    [Fact]
    public void TheExportersSpellingsReadBack()
    {
        string folder = TestPaths.NewScratchFolder("onnx-metadata");
        try
        {
            string path = Export(folder, metadata => { });

            using var onnx = OnnxClassifier.Open(path, DeviceKind.Cpu);

            Assert.Equal(ResizeMode.Crop, onnx.DefaultSampling.Resize);
            Assert.Equal(HardSigmoidKind.Relu6, onnx.HardSigmoid);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(OnnxContract.ResizeKey, "letterbox", "metadata 'resize' is 'letterbox', not one of pad, crop")]
    [InlineData(OnnxContract.HardSigmoidKey, "Relu6", "metadata 'hard_sigmoid' is 'Relu6', not one of keras, relu6")]
    public void AnUnknownSpellingIsAnError(string key, string value, string expected)
    {
        string folder = TestPaths.NewScratchFolder("onnx-metadata");
        try
        {
            string path = Export(folder, metadata => metadata.Single(p => p.Key == key).Value = value);

            var error = Assert.Throws<CheckpointException>(() => OnnxClassifier.Open(path, DeviceKind.Cpu).Dispose());

            Assert.Contains(expected, error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A small A0 stream classifier (crop, relu6 gate) exported to <paramref name="folder"/>, its metadata changed by <paramref name="edit"/>.</summary>
    private static string Export(string folder, Action<IList<global::Onnx.StringStringEntryProto>> edit)
    {
        using var model = new MovinetClassifier(MovinetOptions.For("a0", MovinetVariant.Stream, 3) with { HardSigmoidKind = HardSigmoidKind.Relu6 });
        model.eval();
        var classifier = new LoadedClassifier(model, ["a", "b", "c"], new InputSampling(2, 1, 32, ResizeMode.Crop), "test", CPU);
        var proto = OnnxExporter.Build(classifier);
        edit(proto.MetadataProps);
        string path = Path.Combine(folder, "model.onnx");
        File.WriteAllBytes(path, proto.ToByteArray());
        return path;
    }
}
