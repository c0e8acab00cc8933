using System.Text.Json.Nodes;
using MovinetExp.Common;
using MovinetExp.Specs;

namespace MovinetExp.Tests.Specs;

/// <summary>`data.split.train/test: all` — every video the split lists assign, for `source: list` only.</summary>
public class SplitSizeTests
{
    private const string File = "split.yaml";
    private const string ListData = "data:\n  source: list\n  list: {train: trainlist01.txt, test: testlist01.txt}\n";

    [Fact]
    public void AListSourceMayTakeEveryListedVideo()
    {
        var spec = SpecLoader.Parse("name: s\n" + ListData + "  split: {train: all, test: all}\n", File);

        Assert.Equal((SplitSize.All, 0, SplitSize.All), (spec.Data.Split.Train, spec.Data.Split.Val, spec.Data.Split.Test));
        Assert.Null(spec.Data.Split.Train.Count);
        string yaml = SpecWriter.ToYaml(spec);
        Assert.Contains("train: all", yaml);
        Assert.Equal(spec.Data.Split.Test, SpecLoader.Parse(yaml, "written.yaml").Data.Split.Test);
    }

    [Fact]
    public void CountsStillWorkAndOverridesMayAskForAll()
    {
        var spec = SpecLoader.Parse("name: s\n" + ListData + "  split: {train: 12, test: 3}\n", File, ["data.split.test=all"]);
        Assert.Equal(12, spec.Data.Split.Train.Count);
        Assert.True(spec.Data.Split.Test.IsAll);
    }

    [Fact]
    public void AllNeedsAListSource()
    {
        string message = Assert.Throws<UsageException>(() =>
            SpecLoader.Parse("name: s\ndata:\n  source: folder\n  path: /v\n  split:\n    train: all\n    test: all\n", File)).Message;
        Assert.Contains($"{File}:6:5: data.split.train: 'all' takes every video the split lists assign to train, so it needs data.source: list, but source is folder", message);
        Assert.Contains($"{File}:7:5: data.split.test: 'all'", message);
    }

    [Fact]
    public void AnythingElseIsAnErrorThatSaysWhatIsAllowed()
    {
        string message = Assert.Throws<UsageException>(() => SpecLoader.Parse("name: s\n" + ListData + "  split: {train: every}\n", File)).Message;
        Assert.Contains("data.split.train: expected an integer >= 1 or all, got \"every\"", message);
    }

    [Fact]
    public void TheSchemaAllowsAllBesideANumber()
    {
        var train = JsonNode.Parse(SpecSchema.Generate())!["properties"]!["data"]!["properties"]!["split"]!["properties"]!["train"]!;
        Assert.Equal("""[{"type":"integer","minimum":1},{"const":"all"}]""", train["oneOf"]!.ToJsonString());
        Assert.Equal(30, (int)train["default"]!);
    }
}
