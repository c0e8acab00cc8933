using MovinetExp.Checkpoints;
using MovinetExp.Common;
using MovinetExp.Data.Loading;
using MovinetExp.Data.Sources;
using MovinetExp.Data.Video;
using MovinetExp.Models;
using MovinetExp.Native;
using MovinetExp.Specs;
using MovinetExp.Training;

namespace MovinetExp.Tests.Specs;

public class SpecLoaderTests
{
    private const string File = "experiments/x.yaml";

    private static UsageException Fails(string yaml, params string[] overrides) =>
        Assert.Throws<UsageException>(() => SpecLoader.Parse(yaml, File, overrides));

    private static string[] ProblemLines(UsageException e) =>
        e.Message.Split('\n').Where(l => l.StartsWith(File + ":", StringComparison.Ordinal) && !l.Contains("problem")).ToArray();

    [Fact]
    public void ThreeMistakesAreReportedTogetherWithTheirLinesAndColumns()
    {
        const string yaml = """
            name: demo
            data:
              source: synthetic
              framez: 16
            model:
              dropout: 0.1
            train:
              epochs: two
              lr: -1
            """;
        UsageException e = Fails(yaml);

        Assert.StartsWith($"{File}: 3 problems in the experiment spec:", e.Message);
        Assert.Equal(new[]
        {
            $"{File}:4:3: data.framez: unknown key 'framez'",
            $"{File}:8:11: train.epochs: expected an integer between 1 and 10000, got \"two\"",
            $"{File}:9:7: train.lr: expected a number > 0, got -1",
        }, ProblemLines(e));
        Assert.Contains("  hint: did you mean 'frames'?", e.Message);
        Assert.Equal(ExitCodes.UsageOrSpec, e.ExitCode);
    }

    [Fact]
    public void EveryProblemHasAHintLine()
    {
        UsageException e = Fails("name: x\ndata: {source: list}\nmodel: {id: a9}\n");
        string[] lines = e.Message.Split(Environment.NewLine);
        // Header, then (problem, hint) pairs.
        Assert.Equal(1 + 2 * 3, lines.Length);
        for (int i = 2; i < lines.Length; i += 2) Assert.StartsWith("  hint: ", lines[i]);
    }

    [Fact]
    public void InvalidEnumListsTheAllowedValuesAndSuggestsTheClosest()
    {
        UsageException e = Fails("name: x\ndata: {source: synthetic}\ntrain:\n  optimizer: adamm\n");
        Assert.Contains($"{File}:4:14: train.optimizer: expected one of adam, adamw, sgd, rmsprop, got \"adamm\"", e.Message);
        Assert.Contains("hint: did you mean 'adam'?", e.Message);
    }

    [Fact]
    public void MissingRequiredKeysAreReported()
    {
        UsageException e = Fails("data:\n  frames: 8\n");
        Assert.Contains($"{File}:1:1: name: required key is missing", e.Message);
        Assert.Contains($"{File}:2:3: data.source: required key is missing", e.Message);
        Assert.Contains("add 'source: ucf101|folder|list|synthetic' under data:", e.Message);
    }

    [Theory]
    [InlineData("data:\n  source: synthetic\n  frames: 0", "data.frames: expected an integer between 1 and 512, got 0")]
    [InlineData("data:\n  source: synthetic\n  frames: 8.5", "data.frames: expected an integer between 1 and 512, got 8.5")]
    [InlineData("data:\n  source: synthetic\n  frames: \"8\"", "data.frames: expected an integer between 1 and 512, got \"8\"")]
    [InlineData("data:\n  source: synthetic\n  cache: yes", "data.cache: expected true or false, got \"yes\"")]
    [InlineData("data:\n  source: synthetic\n  split: 5", "data.split: expected a section (indented keys), got 5")]
    [InlineData("data:\n  source: synthetic\n  classes: 1", "data.classes: expected a class count >= 2 or a list of class names, got 1")]
    [InlineData("data:\n  source: synthetic\n  classes: [a]", "data.classes: expected a class count >= 2 or a list of class names, got a list")]
    [InlineData("data:\n  source: synthetic\n  split: {train: 0}", "data.split.train: expected an integer >= 1 or all, got 0")]
    [InlineData("data:\n  source: synthetic\nmodel:\n  dropout: 0.96", "model.dropout: expected a number between 0 and 0.95, got 0.96")]
    [InlineData("data:\n  source: synthetic\ntrain:\n  epochs: null", "train.epochs: expected an integer between 1 and 10000, got null")]
    [InlineData("data:\n  source: synthetic\nexpect:\n  max_test_loss: 0", "expect.max_test_loss: expected a number > 0 (or null), got 0")]
    [InlineData("data:\n  source: synthetic\nexpect:\n  test_accuracy: 1.5", "expect.test_accuracy: expected a number between 0 and 1 (or null), got 1.5")]
    public void BadValuesNameTheKeyTheExpectationAndTheValue(string body, string expected)
    {
        UsageException e = Fails("name: x\n" + body + "\n");
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void NameMustMatchItsPattern()
    {
        UsageException e = Fails("name: my run\ndata: {source: synthetic}\n");
        Assert.Contains($"{File}:1:7: name: expected a string of [A-Za-z0-9_.-]{{1,100}}, got \"my run\"", e.Message);
    }

    [Fact]
    public void ANameTooLongForAFolderNameIsRejectedWhenValidating()
    {
        // The name is one path segment of the run folder: over 255 bytes the run would fail only when it starts (issue 14, item 6).
        string name = new('n', 300);
        UsageException e = Fails($"name: {name}\ndata: {{source: synthetic}}\n");
        Assert.Contains($"{File}:1:7: name: expected a string of [A-Za-z0-9_.-]{{1,100}}, got \"nnnn", e.Message);
        Assert.DoesNotContain(name, e.Message); // quoted as an excerpt, not in full
    }

    [Fact]
    public void AFlowSequenceLeftOpenBeforeTheNextKeyIsASyntaxErrorWithItsPlace()
    {
        // YamlDotNet's scanner fails on this with an InvalidOperationException instead of a YamlException.
        UsageException e = Fails("name: [x\nz: 1\n");
        Assert.Matches($"{File}:\\d+:\\d+: not valid YAML", e.Message);
        Assert.Contains("unclosed quote or bracket", e.Message);
    }

    [Fact]
    public void AnOverrideThatContainsItselfIsReportedAtTheOverride()
    {
        UsageException e = Fails("name: x\ndata: {source: synthetic}\n", "data=&a [*a]");
        Assert.Contains("--set data=&a [*a]: the value refers to itself", e.Message);
    }

    [Fact]
    public void YamlSyntaxErrorsReportTheirLine()
    {
        UsageException e = Fails("name: x\ndata:\n  source: [synthetic\n");
        Assert.Matches($"^{File}: 1 problem in the experiment spec:\n{File}:\\d+:\\d+: not valid YAML", e.Message.Replace("\r", ""));
    }

    [Fact]
    public void AKeyWrittenTwiceIsReported()
    {
        UsageException e = Fails("name: x\ndata:\n  source: ucf101\n  source: folder\n");
        Assert.Contains($"{File}:4:3: not valid YAML: Duplicate key source", e.Message);
        Assert.Contains("hint: write each key once per section", e.Message);
    }

    [Fact]
    public void AFileThatIsNotAMappingIsRejected()
    {
        UsageException e = Fails("- a\n- b\n");
        Assert.Contains($"{File}:1:1: expected a mapping of keys at the top level, got a list", e.Message);
    }

    [Fact]
    public void UnwrittenKeysTakeTheDefaults()
    {
        ExperimentSpec spec = SpecLoader.Parse("name: minimal\ndata:\n  source: ucf101\n", File);

        Assert.Equal("minimal", spec.Name);
        Assert.Equal(42, spec.Seed);
        Assert.Equal(DataSource.Ucf101, spec.Data.Source);
        Assert.Null(spec.Data.Path);
        Assert.Null(spec.Data.Url);
        Assert.Equal(ClassSelection.FirstN(10), spec.Data.Classes);
        Assert.Equal((30, 0, 20), (spec.Data.Split.Train, spec.Data.Split.Val, spec.Data.Split.Test));
        Assert.Equal(SplitPolicy.Group, spec.Data.SplitPolicy);
        Assert.Equal((8, 15, 224), (spec.Data.Frames, spec.Data.FrameStep, spec.Data.Resolution));
        Assert.Equal(ResizeMode.Pad, spec.Data.Resize);
        Assert.Equal((ClipStart.Random, ClipStart.Centre), (spec.Data.TrainSampling, spec.Data.TestSampling));
        Assert.Equal(BadVideoPolicy.Skip, spec.Data.BadFiles);
        Assert.Equal(0, spec.Data.Workers);
        Assert.True(spec.Data.Cache);
        Assert.Equal((50, 48, 128, 25), (spec.Data.Synthetic.VideosPerClass, spec.Data.Synthetic.FramesPerVideo, spec.Data.Synthetic.Size, spec.Data.Synthetic.Fps));
        Assert.Null(spec.Data.Synthetic.Kinds);

        Assert.Equal((ModelId.A0, MovinetVariant.Base, "pretrained"), (spec.Model.Id, spec.Model.Variant, spec.Model.Checkpoint));
        Assert.Equal((CheckpointLoadMode.Auto, FreezeMode.Backbone), (spec.Model.Load, spec.Model.Freeze));
        Assert.Null(spec.Model.FreezeUntilBlock);
        Assert.Equal((0.0, 0.0), (spec.Model.Dropout, spec.Model.StochasticDepth));
        Assert.Null(spec.Model.Causal);
        Assert.Equal(HardSigmoidKind.Keras, spec.Model.HardSigmoid);

        Assert.Equal((2, 8, OptimizerKind.Adam, 0.001), (spec.Train.Epochs, spec.Train.BatchSize, spec.Train.Optimizer, spec.Train.Lr));
        Assert.Null(spec.Train.BackboneLr);
        Assert.Equal((0.0, 0.9, ScheduleKind.Constant, 0), (spec.Train.WeightDecay, spec.Train.Momentum, spec.Train.Schedule, spec.Train.WarmupEpochs));
        Assert.Equal((0.0, 0.0, 0), (spec.Train.LabelSmoothing, spec.Train.GradClipNorm, spec.Train.EarlyStoppingPatience));
        Assert.Equal((FeatureCacheMode.Auto, 1, 0, DeviceKind.Auto, false),
            (spec.Train.FeatureCache, spec.Train.CachedSamplings, spec.Train.Threads, spec.Train.Device, spec.Train.Tensorboard));

        Assert.Equal((1, 5), (spec.Eval.ClipsPerVideo, spec.Eval.TopK));
        Assert.Null(spec.Expect.TestAccuracy);
        Assert.Null(spec.Expect.Top5Accuracy);
        Assert.Null(spec.Expect.VideoAccuracy);
        Assert.Null(spec.Expect.MinClassRecall);
        Assert.Null(spec.Expect.MaxTestLoss);
    }

    [Fact]
    public void WrittenValuesAreRead()
    {
        const string yaml = """
            name: full.run-1
            seed: 7
            data:
              source: list
              path: /data/lists
              classes: [walk, run, jump]
              list: {train: train.txt, test: test.txt, class_index: classes.txt}
              frame_step: 5
              resize: crop
            model:
              id: a2
              variant: stream
              checkpoint: /ckpt/movinet_a2_stream
              freeze: from_block
              freeze_until_block: 3
              causal: true
              hard_sigmoid: relu6
            train:
              optimizer: sgd
              lr: 0.01
              backbone_lr: 1e-4
              schedule: cosine
            expect:
              test_accuracy: 0.8
              max_test_loss: 1.5
            """;
        ExperimentSpec spec = SpecLoader.Parse(yaml, File);

        Assert.Equal(("full.run-1", 7), (spec.Name, spec.Seed));
        Assert.Equal(ClassSelection.Named(new[] { "walk", "run", "jump" }), spec.Data.Classes);
        Assert.Equal(3, spec.Data.Classes.Count);
        Assert.Equal(("train.txt", null, "test.txt", "classes.txt"), (spec.Data.List.Train, spec.Data.List.Val, spec.Data.List.Test, spec.Data.List.ClassIndex));
        Assert.Equal((5, ResizeMode.Crop), (spec.Data.FrameStep, spec.Data.Resize));
        Assert.Equal((ModelId.A2, MovinetVariant.Stream, "/ckpt/movinet_a2_stream"), (spec.Model.Id, spec.Model.Variant, spec.Model.Checkpoint));
        Assert.Equal((FreezeMode.FromBlock, (int?)3, (bool?)true, HardSigmoidKind.Relu6),
            (spec.Model.Freeze, spec.Model.FreezeUntilBlock, spec.Model.Causal, spec.Model.HardSigmoid));
        Assert.Equal((OptimizerKind.Sgd, 0.01, (double?)1e-4, ScheduleKind.Cosine), (spec.Train.Optimizer, spec.Train.Lr, spec.Train.BackboneLr, spec.Train.Schedule));
        Assert.Equal(((double?)0.8, (double?)1.5), (spec.Expect.TestAccuracy, spec.Expect.MaxTestLoss));
    }

    [Fact]
    public void AnEmptySectionMeansAllDefaults()
    {
        ExperimentSpec spec = SpecLoader.Parse("name: x\ndata: {source: synthetic}\nexpect:\n", File);
        Assert.Null(spec.Expect.TestAccuracy);
    }

    [Fact]
    public void LoadNamesAMissingFile()
    {
        var e = Assert.Throws<UsageException>(() => SpecLoader.Load("experiments/does-not-exist.yaml"));
        Assert.StartsWith("experiments/does-not-exist.yaml: spec file not found", e.Message);
    }
}
