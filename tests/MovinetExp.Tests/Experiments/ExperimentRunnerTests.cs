using MovinetExp.Checkpoints;
using MovinetExp.Common;
using MovinetExp.Evaluation;
using MovinetExp.Experiments;
using MovinetExp.Inference;
using MovinetExp.Models;
using MovinetExp.Reporting;
using MovinetExp.Specs;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using MovinetExp.IO;
using MovinetExp.Runs;

namespace MovinetExp.Tests.Experiments;

/// <summary>
/// Whole experiments, run in-process on tiny synthetic data: the promises of `dotnet movinet run`
/// (reproducibility, resume, a complete run folder, expectation gates, bad files skipped, flat memory).
/// </summary>
[Collection(TinyExperimentsCollection.Name)]
public class ExperimentRunnerTests(TinyExperiments tiny)
{
    private static readonly string[] FrozenBackbone = ["model.freeze=backbone"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // frozen backbone: the feature-reuse path (backbone features computed once)
    public async Task SameSpecAndSeedGiveByteIdenticalMetrics(bool frozen)
    {
        string[] overrides = frozen ? FrozenBackbone : [];
        var first = await tiny.ReferenceRunAsync(overrides);
        var second = await TinyExperiments.RunAsync(tiny.Request(tiny.Spec(overrides)));

        Assert.NotEqual(first.Directory, second.Directory);
        Assert.Equal(File.ReadAllBytes(first.Outcome.Run.MetricsJson), File.ReadAllBytes(second.Outcome.Run.MetricsJson));
        Assert.Equal(LossColumns(first.Outcome.Run), LossColumns(second.Outcome.Run));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task InterruptedRunResumesToTheSameNumbersAsAnUninterruptedOne(bool frozen)
    {
        string[] overrides = frozen ? FrozenBackbone : [];
        var uninterrupted = await tiny.ReferenceRunAsync(overrides);
        var spec = tiny.Spec(overrides);
        string experimentFolder = Path.Combine(tiny.RunsRoot, spec.Name);
        var before = Directory.Exists(experimentFolder) ? Directory.GetDirectories(experimentFolder) : [];

        using var cancel = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            TinyExperiments.RunAsync(tiny.Request(spec), cancel.Token, epoch => { if (epoch.Epoch == 1) cancel.Cancel(); }));

        string interrupted = Assert.Single(Directory.GetDirectories(experimentFolder).Except(before));
        var run = RunFolder.Open(interrupted);
        var status = run.ReadStatus();
        Assert.Equal(RunState.Interrupted, status.State);
        Assert.Equal(1, status.LastCompletedEpoch);
        Assert.Single(HistoryLog.Read(run.HistoryCsv));
        Assert.False(File.Exists(run.MetricsJson));

        // What `run --resume` does: the spec comes back from the run folder, not from the original file.
        var resumed = await TinyExperiments.RunAsync(tiny.Request(SpecLoader.Load(run.SpecResolvedYaml), interrupted));

        Assert.Equal(interrupted, resumed.Directory);
        Assert.Equal([2, 3, 4], resumed.Epochs.Select(e => e.Epoch));
        Assert.Equal(RunState.Completed, run.ReadStatus().State);
        Assert.Equal(4, run.ReadStatus().LastCompletedEpoch);
        Assert.Equal(File.ReadAllBytes(uninterrupted.Outcome.Run.MetricsJson), File.ReadAllBytes(run.MetricsJson));
        Assert.Equal(LossColumns(uninterrupted.Outcome.Run), LossColumns(run));
    }

    [Fact]
    public async Task ResumingARunWhoseCheckpointsWereDeletedIsACheckpointErrorNamingThem()
    {
        // An interrupted run after epoch 1 whose checkpoints/ folder was deleted (issue 14, item 27).
        var spec = tiny.Spec();
        var run = RunFolder.Create(tiny.NewScratch("resume-runs"), spec.Name, SpecHash.Of(spec), DateTime.UtcNow);
        File.WriteAllText(run.SpecResolvedYaml, SpecWriter.ToYaml(spec));
        run.WriteStatus(RunState.Interrupted, 1);
        Directory.Delete(run.CheckpointsDirectory, recursive: true);

        var ex = await Assert.ThrowsAsync<CheckpointException>(() => TinyExperiments.RunAsync(tiny.Request(spec, run.Directory)));

        Assert.Contains(run.CheckpointsDirectory, ex.Message);
        Assert.Contains("cannot be resumed", ex.Message);
        Assert.Equal(RunState.Interrupted, run.ReadStatus().State); // left as it was
    }

    [Fact]
    public async Task ResumeStoppedBeforeItsFirstNewEpochStillRecordsTheEpochsFinishedBefore()
    {
        var spec = tiny.Spec("name=tiny-resume-stop", "model.freeze=backbone");
        using var cancel = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            TinyExperiments.RunAsync(tiny.Request(spec), cancel.Token, epoch => { if (epoch.Epoch == 1) cancel.Cancel(); }));
        var run = RunFolder.Open(Assert.Single(Directory.GetDirectories(Path.Combine(tiny.RunsRoot, spec.Name))));

        // Ctrl+C or SIGTERM again, before the resumed run finishes an epoch.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            TinyExperiments.RunAsync(tiny.Request(SpecLoader.Load(run.SpecResolvedYaml), run.Directory), new CancellationToken(canceled: true)));

        var status = run.ReadStatus();
        Assert.Equal(RunState.Interrupted, status.State);
        Assert.Equal(1, status.LastCompletedEpoch);
        Assert.Equal([1], HistoryLog.Read(run.HistoryCsv).Select(r => r.Epoch));
    }

    [Fact]
    public async Task RunKilledBetweenSavingAnEpochAndRecordingItResumesToTheSameNumbers()
    {
        string[] overrides = FrozenBackbone;
        var uninterrupted = await tiny.ReferenceRunAsync(overrides);
        var spec = tiny.Spec([.. overrides, "name=tiny-killed-mid-epoch-end"]);
        using var cancel = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            TinyExperiments.RunAsync(tiny.Request(spec), cancel.Token, epoch => { if (epoch.Epoch == 1) cancel.Cancel(); }));
        var run = RunFolder.Open(Assert.Single(Directory.GetDirectories(Path.Combine(tiny.RunsRoot, spec.Name))));
        // What a SIGKILL right after epoch 2's checkpoint was renamed into place leaves: the checkpoint,
        // but no history row or status for it (here: epoch 1's state under epoch 2's name).
        string epoch1 = Path.Combine(run.CheckpointsDirectory, "epoch-0001"), epoch2 = Path.Combine(run.CheckpointsDirectory, "epoch-0002");
        Directory.CreateDirectory(epoch2);
        foreach (string file in Directory.GetFiles(epoch1)) File.Copy(file, Path.Combine(epoch2, Path.GetFileName(file)));
        string state = Path.Combine(epoch2, "state.json");
        File.WriteAllText(state, File.ReadAllText(state).Replace("\"epoch\": 1,", "\"epoch\": 2,"));

        var resumed = await TinyExperiments.RunAsync(tiny.Request(SpecLoader.Load(run.SpecResolvedYaml), run.Directory));

        // The epoch history does not record is trained again: nothing is lost, nothing recorded twice.
        Assert.Equal([2, 3, 4], resumed.Epochs.Select(e => e.Epoch));
        Assert.Equal([1, 2, 3, 4], HistoryLog.Read(run.HistoryCsv).Select(r => r.Epoch));
        Assert.Equal(File.ReadAllBytes(uninterrupted.Outcome.Run.MetricsJson), File.ReadAllBytes(run.MetricsJson));
    }

    [Fact]
    public async Task ResumingARunAnotherWriterHoldsFailsWithoutTouchingItsFiles()
    {
        var spec = tiny.Spec("name=tiny-held", "model.freeze=backbone");
        using var cancel = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            TinyExperiments.RunAsync(tiny.Request(spec), cancel.Token, epoch => { if (epoch.Epoch == 1) cancel.Cancel(); }));
        var run = RunFolder.Open(Assert.Single(Directory.GetDirectories(Path.Combine(tiny.RunsRoot, spec.Name))));
        string[] files = [run.StatusJson, run.HistoryCsv, run.LogTxt];
        var before = files.Select(File.ReadAllBytes).ToList();

        using (RunLock.Acquire(run)) // another writer (flock conflicts between two opens in one process too)
        {
            var refused = await Assert.ThrowsAsync<UsageException>(() =>
                TinyExperiments.RunAsync(tiny.Request(SpecLoader.Load(run.SpecResolvedYaml), run.Directory)));
            Assert.Contains("is in use", refused.Message);
        }

        Assert.Equal(before, files.Select(File.ReadAllBytes).ToList());
    }

    [Fact]
    public async Task RunFolderHoldsEveryRecordAndAModelThatReproducesTheMetrics()
    {
        var recorded = await tiny.ReferenceRunAsync();
        var run = recorded.Outcome.Run;

        foreach (string file in new[] { run.SpecResolvedYaml, run.EnvironmentJson, run.HistoryCsv, run.MetricsJson, run.ConfusionMatrixCsv,
                     run.ConfusionMatrixPng, run.TrainingCurvesPng, run.ReportHtml, run.LabelsTxt, run.DataFilesCsv, run.LogTxt, run.SkippedFilesCsv,
                     Path.Combine(run.ModelDirectory, "checkpoint"), Path.Combine(run.ModelDirectory, "ckpt-1.index"),
                     Path.Combine(run.ModelDirectory, "labels.txt") })
            Assert.True(File.Exists(file), $"missing {file}");
        Assert.Equal(new RunStatus(RunState.Completed, 4, null, default), run.ReadStatus() with { UpdatedUtc = default, Pid = null, Host = null, ProcessStartedUtc = null });
        Assert.Equal("move_left\nmove_right\n", File.ReadAllText(run.LabelsTxt));
        Assert.Equal("path,reason\n", File.ReadAllText(run.SkippedFilesCsv));
        Assert.Equal([1, 2, 3, 4], HistoryLog.Read(run.HistoryCsv).Select(r => r.Epoch));
        foreach (string png in new[] { run.ConfusionMatrixPng, run.TrainingCurvesPng })
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(png)[..4]);
        Assert.Contains("data:image/png;base64,", File.ReadAllText(run.ReportHtml));

        // The data file list: (6 train + 2 val + 4 test) per class, pinned by hashes environment.json also pins.
        var rows = File.ReadAllLines(run.DataFilesCsv).Skip(1).Select(l => l.Split('\t')).ToList();
        Assert.Equal(24, rows.Count);
        Assert.Equal([("test", 8), ("train", 12), ("val", 4)], rows.GroupBy(r => r[2]).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())));
        Assert.All(rows, r => Assert.Equal(FileHashes.Sha256(Path.Combine(tiny.SyntheticFolder, r[0])), r[3]));
        var environment = EnvironmentJson.Read(run.EnvironmentJson);
        Assert.Null(environment.CheckpointSha256);
        Assert.Equal(FileHashes.Sha256(run.DataFilesCsv), environment.DataFileListSha256);
        Assert.Equal(5, environment.Seed);
        Assert.NotNull(environment.FinishedUtc);

        // The resolved spec reads back to the same spec (it is what --resume and eval use).
        Assert.Equal(SpecWriter.ToYaml(tiny.Spec()), SpecWriter.ToYaml(SpecLoader.Load(run.SpecResolvedYaml)));

        // The final TF checkpoint loads strictly, every variable, head included.
        using (var model = new MovinetClassifier(tiny.Spec().Model.Options(2)))
        {
            var load = MovinetCheckpointLoader.Load(model, run.ModelDirectory, CheckpointLoadMode.Full);
            Assert.Equal(model.TfVariables().Count(), load.VariablesLoaded);
        }

        // ...and, loaded the way `eval RUN_DIR` loads it, gives the run's metrics.json byte for byte.
        var spec = SpecLoader.Load(run.SpecResolvedYaml);
        using var classifier = ClassifierLoader.FromRun(run.Directory, torch.CPU);
        Assert.Equal(["move_left", "move_right"], classifier.Labels);
        var dataset = await DatasetPreparation.PrepareAsync(spec, tiny.Catalog, NullLogger.Instance, null, default);
        var again = ClipEvaluation.Evaluate(classifier.Model, dataset.Splits.Test, ExperimentPlan.From(spec, tiny.SpecDirectory, tiny.Catalog).EvalLoader,
            spec.Eval.ClipsPerVideo, classifier.Labels, spec.Eval.TopK, torch.CPU, _ => { }, default);
        var checks = Expectations.Evaluate(ExperimentPlan.From(spec, tiny.SpecDirectory, tiny.Catalog).Thresholds, again);
        Assert.Equal(File.ReadAllBytes(run.MetricsJson), MetricsWriter.ToBytes(new RunMetrics(again, checks)));
    }

    [Fact]
    public async Task FailedExpectationFailsTheOutcomeAndIsRecordedInMetrics()
    {
        // A loss of 1e-4 on 8 clips after one epoch is out of reach; accuracy >= 0 always holds.
        var recorded = await TinyExperiments.RunAsync(tiny.Request(tiny.Spec(
            "name=tiny-expect", "model.freeze=backbone", "train.epochs=1", "expect.max_test_loss=0.0001", "expect.test_accuracy=0")));
        var outcome = recorded.Outcome;

        Assert.False(outcome.Passed);
        var loss = Assert.Single(outcome.Checks, c => c.Name == "max_test_loss");
        Assert.False(loss.Passed);
        Assert.Equal(outcome.Test.MeanLoss, loss.Actual);
        Assert.True(Assert.Single(outcome.Checks, c => c.Name == "test_accuracy").Passed);

        // A missed expectation is a result, not a crash: the run still completes and records it.
        Assert.Equal(RunState.Completed, outcome.Run.ReadStatus().State);
        var written = MetricsReader.Read(outcome.Run.MetricsJson).Expectations;
        Assert.Equal(outcome.Checks.Select(c => (c.Name, c.Passed)), written.Select(c => (c.Name, c.Passed)));
    }

    [Fact]
    public async Task UnreadableAndTruncatedVideosAreSkippedAndListed()
    {
        // A folder dataset of synthetic clips where move_left has two bad files among its 12, so every file is chosen.
        string root = tiny.NewScratch("bad-files");
        foreach (string kind in new[] { "move_left", "move_right" })
        {
            Directory.CreateDirectory(Path.Combine(root, kind));
            foreach (string clip in Directory.GetFiles(Path.Combine(tiny.SyntheticFolder, kind)).Order(StringComparer.Ordinal).Take(kind == "move_left" ? 10 : 12))
                File.Copy(clip, Path.Combine(root, kind, Path.GetFileName(clip)));
        }
        string garbage = Path.Combine(root, "move_left", "garbage.avi");
        File.WriteAllBytes(garbage, Enumerable.Range(0, 4096).Select(i => (byte)(i * 37 % 251)).ToArray());
        string truncated = Path.Combine(root, "move_left", "truncated.avi");
        byte[] whole = File.ReadAllBytes(Path.Combine(tiny.SyntheticFolder, "move_left", "move_left_011.avi"));
        File.WriteAllBytes(truncated, whole[..(whole.Length / 2)]);

        var recorded = await TinyExperiments.RunAsync(tiny.Request(tiny.Spec(
            "name=tiny-bad-files", "data.source=folder", $"data.path={root}", "model.freeze=backbone", "train.epochs=1")));

        Assert.Equal(RunState.Completed, recorded.Outcome.Run.ReadStatus().State);
        string text = File.ReadAllText(recorded.Outcome.Run.SkippedFilesCsv);
        Assert.DoesNotContain("\n\n", text); // one line per file, no blank lines between them
        var table = Csv.Parse(text);
        Assert.Equal(["path", "reason"], table[0]);
        Assert.Equal([garbage, truncated], table.Skip(1).Select(r => r[0]));
        Assert.All(table.Skip(1), r => Assert.False(string.IsNullOrWhiteSpace(r[1])));
    }

    [Fact]
    public async Task ResidentMemoryStaysFlatAcrossEpochs()
    {
        var epochs = (await tiny.ReferenceRunAsync()).Epochs;

        Assert.Equal([1, 2, 3, 4], epochs.Select(e => e.Epoch));
        long growth = epochs[3].ResidentBytes - epochs[1].ResidentBytes;
        // Per-step tensors that leaked would pile up by the epoch; allocator noise stays far below this bound.
        Assert.True(growth < 60_000_000, "resident memory per epoch (MB): " + string.Join(", ", epochs.Select(e => e.ResidentBytes / 1_000_000)));
    }

    [Fact]
    public async Task HistoryRecordsThePeakMemoryOfEveryPhaseOfEveryEpoch()
    {
        var run = (await tiny.ReferenceRunAsync()).Outcome.Run; // backbone trained, with a validation split
        var frozen = (await tiny.ReferenceRunAsync(FrozenBackbone)).Outcome.Run;

        var rows = HistoryLog.Read(run.HistoryCsv);
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r =>
        {
            // A tiny run still holds a loaded LibTorch: at least 100 MiB, and far from a machine's worth.
            Assert.InRange(r.PeakRssMbTrain!.Value, 100, 20_000);
            Assert.InRange(r.PeakRssMbBnRecompute!.Value, 100, 20_000);
            Assert.InRange(r.PeakRssMbEval!.Value, 100, 20_000);
        });
        // A frozen backbone has no batch-norm recompute.
        Assert.All(HistoryLog.Read(frozen.HistoryCsv), r => Assert.Null(r.PeakRssMbBnRecompute));
        var environment = EnvironmentJson.Read(run.EnvironmentJson);
        Assert.Equal(["data_preparation", "evaluation", "model_preparation", "reports", "training"], environment.PeakRssMb!.Keys.Order());
        // The training phase's peak covers its epochs' phases (two samplers: allow what one may see and the other miss).
        double highestPhase = rows.Max(r => new[] { r.PeakRssMbTrain!.Value, r.PeakRssMbBnRecompute!.Value, r.PeakRssMbEval!.Value }.Max());
        Assert.True(environment.PeakRssMb["training"] >= highestPhase * 0.9, $"{environment.PeakRssMb["training"]} < {highestPhase}");
    }

    /// <summary>history.csv up to the learning rate: the wall-clock seconds and memory columns may differ between identical runs.</summary>
    private static string[] LossColumns(RunFolder run) =>
        File.ReadAllLines(run.HistoryCsv).Select(line => string.Join(',', line.Split(',')[..6])).ToArray();
}
