using MovinetExp.Data.Video;
using MovinetExp.Inference;
using MovinetExp.Models;
using MovinetExp.Tests.Models;
using MovinetExp.Tests.Specs;
using MovinetExp.Tests.Support;
using static TorchSharp.torch;
using MovinetExp.Inference.Onnx;

namespace MovinetExp.Tests.Examples;

/// <summary>
/// The README's "Deploying a trained model" example (examples/DeployOnnx/TopFive.cs, compiled into this project) runs on
/// an exported model and a real video, and the README shows the file as it is.
/// </summary>
public class DeployExampleTests
{
    private static string ExampleFile => Path.Combine(RepoFiles.Root, "examples", "DeployOnnx", "TopFive.cs");

    [Fact]
    public void ExamplePrintsTheTopClassesOfAVideo()
    {
        string folder = TestPaths.NewScratchFolder("deploy-example");
        try
        {
            string[] labels = ["boxing", "punching", "waving"];
            manual_seed(3);
            string model = Path.Combine(folder, "model.onnx");
            using (var classifier = new LoadedClassifier(new MovinetClassifier(MovinetOptions.For("a0", MovinetVariant.Base, labels.Length)),
                labels, new InputSampling(4, 2, 48, ResizeMode.Pad), "test", CPU))
            {
                classifier.Model.eval();
                OnnxExporter.Export(classifier, model);
            }
            var output = new StringWriter();

            TopFive.Print(model, TestClips.PunchVideo, output);

            var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(labels.Length, lines.Length);
            var parsed = lines.Select(l => l.Split(": ")).Select(p => (Label: p[0], Probability: double.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();
            Assert.Equal(labels.Order(), parsed.Select(p => p.Label).Order());
            Assert.Equal(parsed.Select(p => p.Probability).OrderDescending(), parsed.Select(p => p.Probability));
            Assert.Equal(1.0, parsed.Sum(p => p.Probability), 2);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ReadmeShowsTheExampleVerbatim()
    {
        string readme = File.ReadAllText(Path.Combine(RepoFiles.Root, "README.md")).ReplaceLineEndings("\n");
        string example = File.ReadAllText(ExampleFile).ReplaceLineEndings("\n");
        Assert.Contains("```csharp\n" + example + "```", readme);
    }
}
