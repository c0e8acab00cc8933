using MovinetExp.Data.Sources;
using MovinetExp.Specs;

namespace MovinetExp.Tests.Specs;

public class SpecWriterTests
{
    private const string Rich = """
        name: rich
        seed: 3
        data:
          source: list
          path: "/data/with: colon"
          classes: ["1", "null", walk]
          list: {train: train.txt, test: "true"}
          synthetic: {kinds: [circle, bar]}
        model:
          id: a4
          variant: stream
          checkpoint: none
          freeze: from_block
          freeze_until_block: 2
          causal: false
          dropout: 0.25
        train:
          lr: 3.0e-5
          backbone_lr: 1e-6
          weight_decay: 0.05
        expect:
          test_accuracy: 0.875
          max_test_loss: 2
        """;

    [Fact]
    public void ReloadingTheWrittenYamlGivesAnEqualSpec()
    {
        ExperimentSpec original = SpecLoader.Parse(Rich, "rich.yaml");
        string yaml = SpecWriter.ToYaml(original);
        ExperimentSpec reloaded = SpecLoader.Parse(yaml, "resolved.yaml");

        SpecAssert.Equal(original, reloaded);
        Assert.Equal(yaml, SpecWriter.ToYaml(reloaded));
        // Strings that look like null, numbers or booleans stay strings.
        Assert.Equal(ClassSelection.Named(new[] { "1", "null", "walk" }), reloaded.Data.Classes);
        Assert.Equal("true", reloaded.Data.List.Test);
        Assert.Equal("/data/with: colon", reloaded.Data.Path);
    }

    [Fact]
    public void EveryKeyIsWrittenInDeclarationOrder()
    {
        string yaml = SpecWriter.ToYaml(SpecLoader.Parse("name: d\ndata: {source: synthetic}\n", "d.yaml"));
        string[] topLevel = yaml.Split('\n').Where(l => l.Length > 0 && !l.StartsWith(' ')).Select(l => l.Split(':')[0]).ToArray();
        Assert.Equal(new[] { "name", "seed", "data", "model", "train", "eval", "expect" }, topLevel);
        Assert.Contains("\n  frame_step: 15\n", yaml);
        Assert.Contains("\n  lr: 0.001\n", yaml);
        Assert.Contains("\n  dropout: 0.0\n", yaml);
        Assert.Contains("\n  classes: 10\n", yaml);
        Assert.Contains("\n  test_accuracy: null\n", yaml);
        Assert.Contains("\n    videos_per_class: 50\n", yaml);
        Assert.Contains("\n  hard_sigmoid: keras\n", yaml);
        Assert.DoesNotContain("\r", yaml);
    }

    [Fact]
    public void TheHashIdentifiesTheResolvedSpec()
    {
        ExperimentSpec a = SpecLoader.Parse("name: h\ndata: {source: synthetic}\n", "a.yaml");
        ExperimentSpec sameWithDefaultsWritten = SpecLoader.Parse("name: h\nseed: 42\ndata: {source: synthetic, frames: 8}\n", "b.yaml");
        ExperimentSpec other = SpecLoader.Parse("name: h\ndata: {source: synthetic, frames: 9}\n", "c.yaml");

        Assert.Matches("^[0-9a-f]{64}$", SpecHash.Of(a));
        Assert.Equal(SpecHash.Of(a)[..8], SpecHash.Short(a));
        Assert.Equal(SpecHash.Of(a), SpecHash.Of(sameWithDefaultsWritten));
        Assert.NotEqual(SpecHash.Of(a), SpecHash.Of(other));
        // Independent check: the hash is SHA-256 of the written YAML's UTF-8 bytes.
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(SpecWriter.ToYaml(a));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), SpecHash.Of(a));
    }
}
