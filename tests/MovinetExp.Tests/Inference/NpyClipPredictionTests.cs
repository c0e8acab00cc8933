using System.Buffers.Binary;
using System.Text;
using MovinetExp.Checkpoints;
using MovinetExp.Common;
using MovinetExp.Inference;
using MovinetExp.Interop;
using MovinetExp.Models;
using MovinetExp.Tests.Models;
using MovinetExp.Tests.Support;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Inference;

/// <summary>
/// Issue 9 end to end: a fine-tuned checkpoint written by this tool, loaded by path, classifies a NumPy
/// clip saved as uint8 pixels exactly like the same pixels saved as float32 in [0,1].
/// </summary>
public class NpyClipPredictionTests
{
    private const int Frames = 4, Size = 32, Classes = 5;

    [Fact]
    public void Uint8AndFloat32ClipsOfTheSamePixelsGetIdenticalLogits()
    {
        string folder = TestPaths.NewScratchFolder("npy-predict");
        try
        {
            byte[] pixels = RandomPixels(Frames * Size * Size * 3, seed: 31);
            string prefix = SaveCheckpoint(folder, pixels);
            string uint8Path = Path.Combine(folder, "clip-u8.npy");
            File.WriteAllBytes(uint8Path, Uint8Npy(pixels, [Frames, Size, Size, 3]));
            string floatPath = Path.Combine(folder, "clip-f32.npy");
            NpyWriter.Write(floatPath, pixels.Select(p => p / 255f).ToArray(), [Frames, Size, Size, 3]);

            using var classifier = ClassifierLoader.FromCheckpoint(prefix, "a0", MovinetVariant.Base, HardSigmoidKind.Keras, Path.Combine(folder, "cache"), CPU);
            var clips = InputClips.Read(uint8Path, classifier.DefaultSampling, wholeVideo: false, maxFrames: 0)
                .Concat(InputClips.Read(floatPath, classifier.DefaultSampling, wholeVideo: false, maxFrames: 0)).ToList();
            var predictions = Predictor.Predict(classifier, clips, topK: Classes, batchSize: 1);

            Assert.Equal(Classes, predictions[0].Logits.Length);
            Assert.Equal(Enumerable.Range(0, Classes).Select(i => $"class_{i}"), classifier.Labels);
            Assert.True(predictions[0].Logits.Max() - predictions[0].Logits.Min() > 1e-2, "logits are (nearly) constant: the test would prove nothing");
            double maxDiff = predictions[0].Logits.Zip(predictions[1].Logits, (a, b) => Math.Abs(a - b)).Max();
            Assert.True(maxDiff <= 1e-6, $"uint8 and float32 clips differ by {maxDiff}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AskingForAnotherModelOrVariantThanTheCheckpointHoldsNamesBoth()
    {
        string folder = TestPaths.NewScratchFolder("npy-mismatch");
        try
        {
            manual_seed(32);
            using (var model = new MovinetClassifier(MovinetOptions.For("a0", MovinetVariant.Base, Classes)))
                MovinetCheckpointWriter.Save(model, folder);

            var error = Assert.Throws<CheckpointException>(() =>
                ClassifierLoader.FromCheckpoint(folder, "a1", MovinetVariant.Base, HardSigmoidKind.Keras, Path.Combine(folder, "cache"), CPU));

            Assert.Contains("You asked for MoViNet a1 base", error.Message);
            Assert.Contains("holds MoViNet a0 base (5 classes)", error.Message);

            var variantError = Assert.Throws<CheckpointException>(() =>
                ClassifierLoader.FromCheckpoint(folder, "a0", MovinetVariant.Stream, HardSigmoidKind.Keras, Path.Combine(folder, "cache"), CPU));
            Assert.Contains("You asked for MoViNet a0 stream", variantError.Message);
            Assert.Contains("holds MoViNet a0 base (5 classes)", variantError.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A0 base with perturbed weights (calibrated on the clip so activations stay finite), saved as a checkpoint.</summary>
    private static string SaveCheckpoint(string folder, byte[] pixels)
    {
        manual_seed(33);
        using var model = new MovinetClassifier(ModelPerturbation.Calibratable(MovinetOptions.For("a0", MovinetVariant.Base, Classes)));
        using (var scope = NewDisposeScope())
        {
            var calibration = tensor(pixels.Select(p => p / 255f).ToArray(), [1, Frames, Size, Size, 3]).permute(0, 4, 1, 2, 3).contiguous();
            ModelPerturbation.Apply(model, seed: 34, calibration);
        }
        return MovinetCheckpointWriter.Save(model, Path.Combine(folder, "model"));
    }

    private static byte[] RandomPixels(int count, int seed)
    {
        var pixels = new byte[count];
        new Random(seed).NextBytes(pixels);
        return pixels;
    }

    /// <summary>
    /// A version 1.0 .npy file written by hand from the format description (not with our writer):
    /// magic, version, little-endian header length, a Python dict literal padded with spaces to a
    /// multiple of 64 bytes ending in a newline, then the raw bytes in C order.
    /// </summary>
    private static byte[] Uint8Npy(byte[] data, int[] shape)
    {
        string dict = $"{{'descr': '|u1', 'fortran_order': False, 'shape': ({string.Join(", ", shape)}), }}";
        const int prefixLength = 10;
        int headerLength = (prefixLength + dict.Length + 1 + 63) / 64 * 64 - prefixLength;
        string header = dict.PadRight(headerLength - 1) + "\n";
        var bytes = new List<byte> { 0x93 };
        bytes.AddRange(Encoding.ASCII.GetBytes("NUMPY"));
        bytes.Add(1);
        bytes.Add(0);
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)headerLength);
        bytes.AddRange(length);
        bytes.AddRange(Encoding.ASCII.GetBytes(header));
        bytes.AddRange(data);
        Assert.Equal(0, (prefixLength + headerLength) % 64);
        return [.. bytes];
    }
}
