using MovinetExp.Models;
using MovinetExp.Common;
using MovinetExp.Data.Sources;
using MovinetExp.Specs;

namespace MovinetExp.Tests.Specs;

public class SpecOverridesTests
{
    private const string Yaml = "name: o\ndata:\n  source: synthetic\n  frames: 8\n";

    [Fact]
    public void OverridesReplaceAndAddValuesOfAnyShape()
    {
        ExperimentSpec spec = SpecLoader.Parse(Yaml, "o.yaml", new[]
        {
            "data.frames=16", "data.classes=[a, b, c]", "train.lr=5e-4", "model.id=a3",
            "data.split.val=4", "expect={test_accuracy: 0.5}", "data.path=/tmp/x y",
        });
        Assert.Equal(16, spec.Data.Frames);
        Assert.Equal(ClassSelection.Named(new[] { "a", "b", "c" }), spec.Data.Classes);
        Assert.Equal(5e-4, spec.Train.Lr);
        Assert.Equal(ModelId.A3, spec.Model.Id);
        Assert.Equal((30, 4, 20), (spec.Data.Split.Train, spec.Data.Split.Val, spec.Data.Split.Test));
        Assert.Equal(0.5, spec.Expect.TestAccuracy);
        Assert.Equal("/tmp/x y", spec.Data.Path);
    }

    [Fact]
    public void AnEmptyValueMeansNull()
    {
        ExperimentSpec spec = SpecLoader.Parse(Yaml + "model:\n  causal: true\n", "o.yaml", new[] { "model.causal=" });
        Assert.Null(spec.Model.Causal);
    }

    [Fact]
    public void LaterOverridesWin()
    {
        ExperimentSpec spec = SpecLoader.Parse(Yaml, "o.yaml", new[] { "seed=1", "seed=2" });
        Assert.Equal(2, spec.Seed);
    }

    [Fact]
    public void OverridesCanSupplyRequiredKeysOfAnEmptyFile()
    {
        ExperimentSpec spec = SpecLoader.Parse("", "empty.yaml", new[] { "name=n", "data.source=ucf101" });
        Assert.Equal(("n", DataSource.Ucf101), (spec.Name, spec.Data.Source));
    }

    [Fact]
    public void UnknownOverrideKeysGetDidYouMean()
    {
        var e = Assert.Throws<UsageException>(() => SpecLoader.Parse(Yaml, "o.yaml", new[] { "data.framez=16", "trian.epochs=3" }));
        Assert.Contains("--set data.framez=16: data.framez: unknown key 'framez'\n  hint: did you mean 'frames'?", e.Message.Replace("\r", ""));
        Assert.Contains("--set trian.epochs=3: trian: unknown key 'trian'\n  hint: did you mean 'train'?", e.Message.Replace("\r", ""));
    }

    [Fact]
    public void BadOverrideValuesAreReportedAtTheOverride()
    {
        var e = Assert.Throws<UsageException>(() => SpecLoader.Parse(Yaml, "o.yaml", new[] { "data.frames=0", "train.optimizer=adamw2" }));
        Assert.Contains("--set data.frames=0: data.frames: expected an integer between 1 and 512, got 0", e.Message);
        Assert.Contains("--set train.optimizer=adamw2: train.optimizer: expected one of adam, adamw, sgd, rmsprop, got \"adamw2\"", e.Message);
    }

    [Theory]
    [InlineData("data.frames", "--set data.frames: expected key.path=value")]
    [InlineData("data.frames.x=1", "--set data.frames.x=1: data.frames: 'data.frames' is a value, not a section, so it has no key 'x'")]
    [InlineData("data.classes=[a, b", "--set data.classes=[a, b: the value is not valid YAML")]
    public void MalformedOverridesAreReported(string text, string expected)
    {
        var e = Assert.Throws<UsageException>(() => SpecLoader.Parse(Yaml, "o.yaml", new[] { text }));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void AnOverrideBelowAValueOfTheFileIsReported()
    {
        var e = Assert.Throws<UsageException>(() => SpecLoader.Parse("name: o\ndata: 5\n", "o.yaml", new[] { "data.source=folder" }));
        Assert.Contains("--set data.source=folder: data: cannot set data.source: data is not a section in o.yaml", e.Message);
    }
}
