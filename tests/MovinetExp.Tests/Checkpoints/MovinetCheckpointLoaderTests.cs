using MovinetExp.Checkpoints;
using MovinetExp.Checkpoints.Format;
using MovinetExp.Common;
using MovinetExp.Models;
using MovinetExp.Tests.Support;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Checkpoints;

/// <summary>
/// Round trips of every released architecture through our TF checkpoint writer and the strict loader,
/// and the loader's refusals (renamed variable, wrong model, wrong class count) with messages that say
/// what is wrong.
/// </summary>
public class MovinetCheckpointLoaderTests
{
    private const int KineticsClasses = 600;

    public static TheoryData<string, MovinetVariant> AllModels()
    {
        var data = new TheoryData<string, MovinetVariant>();
        foreach (string id in new[] { "a0", "a1", "a2", "a3", "a4", "a5" })
        {
            data.Add(id, MovinetVariant.Base);
            data.Add(id, MovinetVariant.Stream);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllModels))]
    public void SavedModelLoadsBackCompletelyAndIsDetected(string id, MovinetVariant variant)
    {
        string folder = TestPaths.NewScratchFolder($"ckpt-{id}-{variant}");
        try
        {
            // One model, wiped to zeros after saving: building A4/A5 twice would double the test's cost, and
            // equality below can only come from the checkpoint (Build gives every value a non-zero offset).
            using var model = Build(MovinetOptions.For(id, variant, KineticsClasses), seed: 1);
            var variables = model.TfVariables();
            string prefix = MovinetCheckpointWriter.Save(model, folder);
            var saved = variables.Select(v => v.ToTfValues()).ToList();
            using (no_grad())
                foreach (var variable in variables) variable.Tensor.zero_();

            Assert.Equal(new DetectedModel(id, variant, KineticsClasses, variant == MovinetVariant.Stream ? ConvType.TwoPlusOneD : ConvType.Conv3d), CheckpointModelDetector.TryDetect(prefix));
            var report = MovinetCheckpointLoader.Load(model, folder, CheckpointLoadMode.Full);

            Assert.Equal(variables.Count, report.VariablesLoaded);
            Assert.Equal(variables.Sum(v => v.Count), report.ValuesLoaded);
            Assert.Equal(0, report.HeadVariablesSkipped);
            for (int i = 0; i < variables.Count; i++)
                Assert.True(saved[i].AsSpan().SequenceEqual(variables[i].ToTfValues()), $"{variables[i].Path} differs after loading");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void RenamedVariableIsReportedMissingAndUnexpected()
    {
        string folder = TestPaths.NewScratchFolder("ckpt-renamed");
        try
        {
            using var model = Build(MovinetOptions.For("a0", MovinetVariant.Base, KineticsClasses), seed: 3);
            string original = MovinetCheckpointWriter.Save(model, Path.Combine(folder, "original"));
            string victim = model.TfVariables().First(v => v.Path.EndsWith("/moving_variance", StringComparison.Ordinal)).Path;
            string renamed = victim + "_renamed";
            string copy = CopyRenaming(original, Path.Combine(folder, "renamed"), victim, renamed);

            var error = Assert.Throws<CheckpointException>(() => MovinetCheckpointLoader.Load(model, copy, CheckpointLoadMode.Full));

            Assert.Contains("missing from the checkpoint (1)", error.Message);
            Assert.Contains("in the checkpoint but not in the model (1)", error.Message);
            Assert.Contains(victim + "\n", error.Message.ReplaceLineEndings("\n"));
            Assert.Contains(renamed, error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void CheckpointOfAnotherModelNamesTheDetectedModel()
    {
        string folder = TestPaths.NewScratchFolder("ckpt-a0-into-a1");
        try
        {
            using (var a0 = Build(MovinetOptions.For("a0", MovinetVariant.Base, KineticsClasses), seed: 4))
                MovinetCheckpointWriter.Save(a0, folder);
            using var a1 = Build(MovinetOptions.For("a1", MovinetVariant.Base, KineticsClasses), seed: 5);

            var error = Assert.Throws<CheckpointException>(() => MovinetCheckpointLoader.Load(a1, folder, CheckpointLoadMode.Full));

            Assert.Contains("does not match MoViNet a1 base with 600 classes", error.Message);
            Assert.Contains("looks like MoViNet a0 base with 600 classes", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void BackboneLoadIntoFewerClassesKeepsTheNewHeadAndFullLoadPointsToBackboneMode()
    {
        string folder = TestPaths.NewScratchFolder("ckpt-backbone");
        try
        {
            IReadOnlyList<float[]> savedBackbone;
            using (var pretrained = Build(MovinetOptions.For("a0", MovinetVariant.Base, KineticsClasses), seed: 6))
            {
                MovinetCheckpointWriter.Save(pretrained, folder);
                savedBackbone = pretrained.TfVariables().Where(v => !v.IsHead).Select(v => v.ToTfValues()).ToList();
            }
            using var model = Build(MovinetOptions.For("a0", MovinetVariant.Base, numClasses: 10), seed: 7);
            var headBefore = model.TfVariables().Where(v => v.IsHead).Select(v => v.ToTfValues()).ToList();

            var full = Assert.Throws<CheckpointException>(() => MovinetCheckpointLoader.Load(model, folder, CheckpointLoadMode.Full));
            Assert.Contains("model.load: backbone", full.Message);
            Assert.Contains("checkpoint [", full.Message);

            var report = MovinetCheckpointLoader.Load(model, folder, CheckpointLoadMode.Backbone);

            var backbone = model.TfVariables().Where(v => !v.IsHead).ToList();
            var head = model.TfVariables().Where(v => v.IsHead).ToList();
            Assert.Equal(backbone.Count, report.VariablesLoaded);
            Assert.Equal(head.Count, report.HeadVariablesSkipped);
            for (int i = 0; i < backbone.Count; i++)
                Assert.True(savedBackbone[i].AsSpan().SequenceEqual(backbone[i].ToTfValues()), $"{backbone[i].Path} was not loaded");
            for (int i = 0; i < head.Count; i++)
                Assert.True(headBefore[i].AsSpan().SequenceEqual(head[i].ToTfValues()), $"{head[i].Path} was overwritten");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Non-trivial values everywhere: initialisers leave BN statistics at 0/1 and ReZero scales at 0,
    /// which would make a dropped or swapped variable invisible in the comparison.
    /// </summary>
    [Fact]
    public void AutoIsRefusedBecauseOnlyTheCallerKnowsWhichClassesItWants()
    {
        // The experiment layer resolves model.load: auto to Full or Backbone; reaching the loader with it is a bug.
        using var model = new MovinetClassifier(MovinetOptions.For("a0", MovinetVariant.Base, 3));

        var error = Assert.Throws<ArgumentException>(() => MovinetCheckpointLoader.Load(model, "no-such-checkpoint", CheckpointLoadMode.Auto));

        Assert.Equal("mode", error.ParamName);
    }

    private static MovinetClassifier Build(MovinetOptions options, long seed)
    {
        manual_seed(seed);
        var model = new MovinetClassifier(options);
        var generator = new Generator((ulong)seed);
        using var noGrad = no_grad();
        foreach (var variable in model.TfVariables())
        {
            using var scope = NewDisposeScope();
            variable.Tensor.copy_(rand(variable.Tensor.shape, generator: generator).add(0.5));
        }
        return model;
    }

    /// <summary>Rewrites every model variable of <paramref name="prefix"/> into a new checkpoint, one under another object path.</summary>
    private static string CopyRenaming(string prefix, string folder, string from, string to)
    {
        using var reader = TensorBundleReader.Open(prefix);
        var graph = ObjectGraph.Load(reader);
        Directory.CreateDirectory(folder);
        string target = Path.Combine(folder, "ckpt-1");
        using var writer = new ObjectBasedCheckpointWriter(target);
        int renamed = 0;
        foreach (var variable in graph.ModelVariables.Where(v => v.ObjectPath != ObjectBasedCheckpointWriter.SaveCounterPath))
        {
            string path = variable.ObjectPath == from ? to : variable.ObjectPath;
            if (path != variable.ObjectPath) renamed++;
            writer.AddFloat32(path, reader.GetEntry(variable.CheckpointKey).Shape, reader.ReadFloat32(variable.CheckpointKey));
        }
        writer.Finish();
        Assert.Equal(1, renamed);
        return target;
    }
}
