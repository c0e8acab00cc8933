using MovinetExp.Common;
using MovinetExp.Specs;

namespace MovinetExp.Tests.Specs;

/// <summary>Each cross-key rule: the broken spec is rejected at the right key, the repaired one loads.</summary>
public class SpecRulesTests
{
    private const string File = "rules.yaml";

    private static string Problems(string yaml) =>
        Assert.Throws<UsageException>(() => SpecLoader.Parse("name: r\n" + yaml, File)).Message;

    private static ExperimentSpec Loads(string yaml) => SpecLoader.Parse("name: r\n" + yaml, File);

    [Fact]
    public void ListSourceNeedsTrainAndTestLists()
    {
        string message = Problems("data:\n  source: list\n  list:\n    val: val.txt\n");
        Assert.Contains($"{File}:4:3: data.list.train: required when data.source is list", message);
        Assert.Contains($"{File}:4:3: data.list.test: required when data.source is list", message);
        Loads("data:\n  source: list\n  list: {train: a.txt, test: b.txt}\n");
    }

    [Fact]
    public void ListFilesAreOnlyUsedWithListSource()
    {
        Assert.Contains("data.list: only used with data.source: list, but source is folder",
            Problems("data:\n  source: folder\n  path: /v\n  list: {train: a.txt}\n"));
    }

    [Fact]
    public void FolderSourceNeedsAPath()
    {
        Assert.Contains($"{File}:2:1: data.path: required when data.source is folder", Problems("data:\n  source: folder\n"));
        Loads("data:\n  source: folder\n  path: /videos\n");
    }

    [Fact]
    public void UrlIsOnlyForUcf101()
    {
        Assert.Contains($"{File}:4:3: data.url: only used with data.source: ucf101, but source is synthetic",
            Problems("data:\n  source: synthetic\n  url: http://example.org/v.zip\n"));
        Loads("data:\n  source: ucf101\n  url: http://example.org/v.zip\n");
    }

    [Fact]
    public void UrlIsAnHttpOrFileUrlOrAPath()
    {
        Assert.Contains($"{File}:4:3: data.url: the 'ftp' scheme is not supported",
            Problems("data:\n  source: ucf101\n  url: ftp://example.org/v.zip\n"));
        Loads("data:\n  source: ucf101\n  url: file:///data/UCF101_videos.zip\n");
        Loads("data:\n  source: ucf101\n  url: ../zips/UCF101_videos.zip\n");
    }

    [Fact]
    public void ClassNamesMustBeUnique()
    {
        Assert.Contains($"{File}:4:3: data.classes: class 'run' is listed more than once",
            Problems("data:\n  source: synthetic\n  classes: [run, walk, run]\n"));
    }

    [Fact]
    public void WarmupMustBeShorterThanTraining()
    {
        Assert.Contains($"{File}:5:3: train.warmup_epochs: must be less than train.epochs (3), got 3",
            Problems("data: {source: synthetic}\ntrain:\n  epochs: 3\n  warmup_epochs: 3\n"));
        Assert.Equal(2, Loads("data: {source: synthetic}\ntrain:\n  epochs: 3\n  warmup_epochs: 2\n").Train.WarmupEpochs);
    }

    [Fact]
    public void ARuleIsNotCheckedAgainstAValueThatIsAlreadyWrong()
    {
        string message = Problems("data: {source: synthetic}\ntrain:\n  epochs: two\n  warmup_epochs: 3\n");
        Assert.Contains("train.epochs: expected an integer", message);
        Assert.DoesNotContain("warmup_epochs", message);
    }

    [Fact]
    public void FreezeUntilBlockGoesWithFromBlockOnly()
    {
        Assert.Contains($"{File}:5:3: model.freeze_until_block: only used with model.freeze: from_block, but freeze is none",
            Problems("data: {source: synthetic}\nmodel:\n  freeze: none\n  freeze_until_block: 2\n"));
        // An absent key is reported at its section.
        Assert.Contains($"{File}:3:1: model.freeze_until_block: required when model.freeze is from_block",
            Problems("data: {source: synthetic}\nmodel:\n  freeze: from_block\n"));
        Assert.Equal(2, Loads("data: {source: synthetic}\nmodel:\n  freeze: from_block\n  freeze_until_block: 2\n").Model.FreezeUntilBlock);
    }

    [Fact]
    public void BackboneLrNeedsATrainableBackbone()
    {
        Assert.Contains($"{File}:4:3: train.backbone_lr: only used when the backbone trains, but model.freeze is backbone",
            Problems("data: {source: synthetic}\ntrain:\n  backbone_lr: 0.0001\n"));
        Loads("data: {source: synthetic}\nmodel: {freeze: none}\ntrain:\n  backbone_lr: 0.0001\n");
    }

    [Fact]
    public void FullLoadNeedsTheCheckpointsClassCount()
    {
        Assert.Contains("model.load: full restores the checkpoint's 600-class classifier, but data.classes selects 10 classes",
            Problems("data: {source: synthetic}\nmodel: {load: full}\n"));
        Loads("data: {source: synthetic, classes: 600}\nmodel: {load: full}\n");
        Loads("data: {source: synthetic}\nmodel: {load: full, checkpoint: none}\n");
    }
}
