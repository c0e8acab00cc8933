using Microsoft.Extensions.Logging.Abstractions;
using MovinetExp.Common;
using MovinetExp.Experiments;
using MovinetExp.Inference;
using MovinetExp.Reporting;
using TorchSharp;
using MovinetExp.Runs;

namespace MovinetExp.Tests.Experiments;

/// <summary>
/// The transfer-learning path end to end: a second experiment starts from the first one's final TF
/// checkpoint (<c>run:NAME</c>), trains a new head for other classes, and is measured against the same
/// head on a random frozen backbone.
/// </summary>
[Collection(TinyExperimentsCollection.Name)]
public class TransferExperimentTests(TinyExperiments tiny)
{
    [Fact]
    public async Task NewHeadOnAnEarlierRunsFrozenBackboneIsComparedWithARandomBackbone()
    {
        var pretrained = await tiny.ReferenceRunAsync();
        var recorded = await TinyExperiments.RunAsync(tiny.Request(tiny.Spec(
            "name=tiny-transfer", "data.classes=[move_up, move_down]", $"model.checkpoint=run:{pretrained.Outcome.Run.ExperimentName}",
            "model.load=backbone", "model.freeze=backbone", "train.epochs=2", "eval.random_backbone_baseline=true",
            "expect.min_gain_over_baseline=0")));
        var run = recorded.Outcome.Run;

        Assert.Equal(RunState.Completed, run.ReadStatus().State);
        Assert.Equal("move_up\nmove_down\n", File.ReadAllText(run.LabelsTxt));
        Assert.NotNull(EnvironmentJson.Read(run.EnvironmentJson).CheckpointSha256);

        var comparison = TransferComparison.Read(run.ComparisonJson);
        Assert.Equal(2, comparison.Entries.Count);
        Assert.Equal(recorded.Outcome.Test.Top1Accuracy, comparison.Entries[0].Accuracy);
        double gain = comparison.Entries[0].Accuracy - comparison.Entries[1].Accuracy;
        var check = Assert.Single(recorded.Outcome.Checks, c => c.Name == "min_gain_over_baseline");
        Assert.Equal(gain, check.Actual);
        Assert.Equal(gain >= 0, check.Passed);
        Assert.Contains(MetricsReader.Read(run.MetricsJson).Expectations, c => c.Name == "min_gain_over_baseline" && c.Actual == gain);
        Assert.False(Directory.Exists(Path.Combine(run.Directory, "baseline-checkpoints")), "the baseline's scratch checkpoints are removed");

        // `eval` checks the baseline gate too, against the baseline accuracy the run recorded.
        var evaluation = await new RunEvaluation(run.Directory).EvaluateAsync(tiny.Catalog, NullLogger.Instance, _ => { }, default);
        var evalCheck = Assert.Single(evaluation.Checks, c => c.Name == "min_gain_over_baseline");
        Assert.Equal(evaluation.Result.Top1Accuracy - comparison.Entries[1].Accuracy, evalCheck.Actual);

        // A frozen backbone leaves the run with exactly the backbone it started from; only the head is new.
        using var source = ClassifierLoader.FromRun(pretrained.Directory, torch.CPU);
        using var transferred = ClassifierLoader.FromRun(run.Directory, torch.CPU);
        var before = source.Model.TfVariables().ToDictionary(v => v.Path);
        var backbone = transferred.Model.TfVariables().Where(v => !v.IsHead).ToList();
        Assert.Equal(before.Values.Count(v => !v.IsHead), backbone.Count);
        Assert.All(backbone, v => Assert.Equal(before[v.Path].ToTfValues(), v.ToTfValues()));
    }

    [Fact]
    public async Task AutoLoadOfACheckpointForOtherClassesAsksForLoadBackbone()
    {
        var pretrained = await tiny.ReferenceRunAsync();
        var spec = tiny.Spec("name=tiny-auto-load", "data.classes=[move_left, move_right, move_up]",
            $"model.checkpoint=run:{pretrained.Outcome.Run.ExperimentName}");

        var error = await Assert.ThrowsAsync<UsageException>(() => TinyExperiments.RunAsync(tiny.Request(spec)));

        Assert.Contains("model.load: backbone", error.Message);
        Assert.Contains("2 classes", error.Message);
        string runFolder = Assert.Single(Directory.GetDirectories(Path.Combine(tiny.RunsRoot, "tiny-auto-load")));
        Assert.Equal(RunState.Failed, RunFolder.Open(runFolder).ReadStatus().State);
    }
}
