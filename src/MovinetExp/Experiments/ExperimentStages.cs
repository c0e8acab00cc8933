using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MovinetExp.Checkpoints;
using MovinetExp.Common;
using MovinetExp.Data.Loading;
using MovinetExp.Evaluation;
using MovinetExp.IO;
using MovinetExp.Native;
using MovinetExp.Reporting;
using MovinetExp.Runs;
using MovinetExp.Specs;
using MovinetExp.Training;
using static TorchSharp.torch;

namespace MovinetExp.Experiments;

/// <summary>What the training stage leaves for the next ones.</summary>
internal sealed record TrainedModel(TrainingOutcome Outcome, TrainingData Data, ClipLoaderOptions TrainLoader, ClipLoaderOptions EvalLoader);

/// <summary>What the evaluation stage measured: the test split, and the random-backbone baseline when asked for.</summary>
internal sealed record TestedModel(EvaluationResult Test, double? BaselineAccuracy);

/// <summary>
/// The stages of one run in its folder, in order: prepare data, prepare model, record the environment,
/// train, evaluate, publish. Each writes what it finished into the run folder before the next starts,
/// and times itself (environment.json's timings and peak memory per phase).
/// </summary>
internal sealed class ExperimentStages : IDisposable
{
    private readonly ExperimentRequest _request;
    private readonly ExperimentSpec _spec;
    private readonly ExperimentPlan _plan;
    private readonly RunFolder _run;
    private readonly ILogger _log;
    private readonly IProgress<string> _status;
    private readonly IProgress<ExperimentProgress>? _progress;
    private readonly Action<int> _epochFinished;
    private readonly Device _device;
    private readonly int _threads;
    private readonly Dictionary<string, double> _timings = new();
    // Peak resident memory (MiB) per phase, for environment.json: where a run's memory goes (issue #14).
    private readonly Dictionary<string, double> _peaks = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ResidentPeakSampler _memory = ResidentPeakSampler.Start();
    private readonly ConcurrentDictionary<string, BadVideo> _skipped = new();
    private EnvironmentInfo? _environment;

    public ExperimentStages(ExperimentRequest request, RunFolder run, ILogger log, IProgress<string> status,
        IProgress<ExperimentProgress>? progress, Action<int> epochFinished)
    {
        (_request, _run, _log, _status, _progress, _epochFinished) = (request, run, log, status, progress, epochFinished);
        _plan = ExperimentPlan.From(request.Spec, request.SpecDirectory, request.Catalog);
        _spec = _plan.Spec;
        if (request.ResumeDirectory == null) AtomicFile.WriteAllText(run.SpecResolvedYaml, SpecWriter.ToYaml(_spec));
        log.LogInformation("run folder {Run}", run.Directory);
        _device = ComputeDevice.Select(_spec.Train.Device);
        _threads = ComputeDevice.ConfigureThreads(_spec.Train.Threads);
    }

    /// <summary>The exact videos, pinned by their sha256: labels.txt and data_files.csv.</summary>
    public async Task<PreparedDataset> PrepareDataAsync(CancellationToken cancellation)
    {
        var dataset = await DatasetPreparation.PrepareAsync(_spec, _request.Catalog, _log, _status, cancellation);
        AtomicFile.WriteAllText(_run.LabelsTxt, string.Join("\n", dataset.Splits.ClassNames) + "\n");
        AtomicFile.WriteAllText(_run.DataFilesCsv, dataset.Manifest.Text);
        EndPhase("data_preparation");
        return dataset;
    }

    /// <summary>The model for the dataset's classes with its checkpoint loaded, on the run's device.</summary>
    public async Task<PreparedModel> PrepareModelAsync(PreparedDataset dataset, CancellationToken cancellation)
    {
        var prepared = await ModelPreparation.PrepareAsync(_plan, _request.RunsRoot, dataset.Splits.ClassNames.Count, _request.Catalog,
            _device, _log, _status, cancellation);
        EndPhase("model_preparation");
        return prepared;
    }

    /// <summary>environment.json: everything the result depends on, written before training starts.</summary>
    public void RecordEnvironment(PreparedModel prepared, PreparedDataset dataset, DateTime started)
    {
        _environment = new EnvironmentInfo
        {
            ToolVersion = RuntimeVersions.Tool,
            TorchSharpVersion = RuntimeVersions.TorchSharp,
            LibTorchVersion = RuntimeVersions.LibTorch,
            DotnetVersion = HostInfo.DotnetVersion,
            Os = HostInfo.Os,
            CpuModel = HostInfo.CpuModel(),
            LogicalCores = HostInfo.LogicalCores,
            Device = _device.ToString(),
            Threads = _threads,
            Seed = _spec.Seed,
            CheckpointSha256 = prepared.Checkpoint?.Sha256,
            DataFileListSha256 = FileHashes.Sha256(_run.DataFilesCsv),
            DataManifestHash = dataset.Manifest.Sha256,
            CommandLine = _request.CommandLine,
            StartedUtc = started,
        };
        EnvironmentJson.Write(_run.EnvironmentJson, _environment);
    }

    /// <summary>Trains epoch by epoch from where a resumed run stopped; history.csv, status.json and the
    /// epoch checkpoint of each finished epoch are on disk before the next epoch starts.</summary>
    public TrainedModel Train(PreparedModel model, PreparedDataset dataset, CancellationToken cancellation)
    {
        var spec = _spec;
        var freeze = FreezePolicy.Apply(model.Model, _plan.FreezeUntilBlock);
        using var optimizer = _plan.Optimizer(freeze);
        var trainer = new Trainer(model.Model, freeze, optimizer, _plan.Training, _device, _log);
        var trainOptions = _plan.TrainLoader;
        var evalOptions = _plan.EvalLoader;
        var data = new TrainingData(
            new ClipLoader(dataset.Splits.Train, trainer.UsesFeatureReuse ? trainOptions with { Shuffle = false } : trainOptions, OnSkipped),
            dataset.Splits.Val.Count > 0 ? new ClipLoader(dataset.Splits.Val, evalOptions, OnSkipped) : null,
            _plan.TrainSamplings);
        _log.LogInformation("training {Epochs} epochs on {Device} with {Threads} threads; backbone {Frozen}; {Reuse}",
            spec.Train.Epochs, _device, _threads, freeze.BackboneFrozen ? "frozen" : "trained",
            trainer.UsesFeatureReuse ? $"frozen-backbone features computed once per sampling ({data.TrainSamplings})" : "backbone runs every step");

        var store = new EpochCheckpointStore(_run.CheckpointsDirectory);
        var history = HistoryLog.Open(_run.HistoryCsv);
        // history.csv is the record of finished epochs: a checkpoint past its last row was saved by a process that
        // died before recording it, and that epoch is trained again.
        var resumeFrom = _request.ResumeDirectory != null ? store.Latest(atMost: history.Rows.Count == 0 ? 0 : history.Rows[^1].Epoch) : null;
        history.TruncateAfter(resumeFrom?.Epoch ?? 0);
        if (resumeFrom != null) _epochFinished(resumeFrom.Epoch); // what an interruption before the next epoch records
        var tensorBoard = spec.Train.Tensorboard ? new TensorBoardLog(_run.Directory) : null;
        var outcome = trainer.Run(data, store, resumeFrom, report =>
        {
            tensorBoard?.Epoch(report);
            history.Append(new HistoryRow(report.Epoch, report.Train.Loss, report.Train.Accuracy, report.Validation?.Loss,
                report.Validation?.Accuracy, report.LearningRate, report.Duration.TotalSeconds,
                Mib(report.PeakResident?.Train), Mib(report.PeakResident?.BnRecompute), Mib(report.PeakResident?.Eval)));
            _run.WriteStatus(RunState.Running, report.Epoch);
            _epochFinished(report.Epoch);
            _log.LogInformation("epoch {Epoch}: train loss {Loss:F4} acc {Acc:F4}; val {Val}; {Seconds:F1}s; resident memory {Rss:F0} MB (peak MiB: train {Train}, bn recompute {Bn}, eval {Eval})",
                report.Epoch, report.Train.Loss, report.Train.Accuracy,
                report.Validation == null ? "-" : $"loss {report.Validation.Loss:F4} acc {report.Validation.Accuracy:F4}",
                report.Duration.TotalSeconds, report.ResidentBytes / 1e6,
                MibText(report.PeakResident?.Train), MibText(report.PeakResident?.BnRecompute), MibText(report.PeakResident?.Eval));
            _log.LogInformation("memory after epoch {Epoch}: {Memory}", report.Epoch, MemoryBreakdown.Now());
            _progress?.Report(new ExperimentProgress(null, null, spec.Train.Epochs, report));
        }, new SyncProgress<StepProgress>(step => _progress?.Report(new ExperimentProgress(null, step, spec.Train.Epochs))), _status, cancellation);
        EndPhase("training");

        if (outcome.BestEpoch != outcome.LastEpoch && data.Validation != null)
        {
            _status.Report($"restoring the best epoch ({outcome.BestEpoch}, by validation accuracy) for testing");
            store.Restore(outcome.BestEpoch, model.Model, null);
        }

        return new TrainedModel(outcome, data, trainOptions, evalOptions);
    }

    /// <summary>The test split, then (when asked for) the same head on a random frozen backbone, whose gap
    /// to this run goes into comparison.json.</summary>
    public TestedModel Evaluate(PreparedModel prepared, PreparedDataset dataset, TrainedModel trained, CancellationToken cancellation)
    {
        var spec = _spec;
        _status.Report("evaluating on the test split");
        var test = ClipEvaluation.Evaluate(prepared.Model, dataset.Splits.Test, trained.EvalLoader, spec.Eval.ClipsPerVideo,
            dataset.Splits.ClassNames, spec.Eval.TopK, _device, OnSkipped, cancellation);
        EndPhase("evaluation");
        if (!spec.Eval.RandomBackboneBaseline) return new TestedModel(test, null);

        var baseline = RandomBackboneBaseline.TrainAndTest(_plan, dataset,
            trained.Data with { Train = new ClipLoader(dataset.Splits.Train, trained.TrainLoader with { Shuffle = false }, OnSkipped) },
            trained.EvalLoader, Path.Combine(_run.Directory, "baseline-checkpoints"), _device, _log, _status, OnSkipped, cancellation);
        new TransferComparison("Transfer learning: what the checkpoint's backbone is worth",
        [
            new ComparisonEntry($"this run: new head on the frozen backbone of {prepared.Checkpoint?.Origin ?? "no checkpoint"}", test.Top1Accuracy),
            new ComparisonEntry(RandomBackboneBaseline.ComparisonName, baseline.Top1Accuracy),
        ]).Write(_run.ComparisonJson);
        EndPhase("baseline");
        return new TestedModel(test, baseline.Top1Accuracy);
    }

    /// <summary>The expectations checked; metrics, confusion matrix, plots, skipped files, the final model
    /// as a TF checkpoint and the report written; the run marked completed.</summary>
    public ExperimentOutcome Publish(PreparedModel prepared, PreparedDataset dataset, TrainedModel trained, TestedModel tested)
    {
        var test = tested.Test;
        var classNames = dataset.Splits.ClassNames;
        var checks = Expectations.Evaluate(_plan.Thresholds, test, tested.BaselineAccuracy);
        MetricsWriter.Write(_run.MetricsJson, new RunMetrics(test, checks));
        ConfusionMatrixCsv.Write(_run.ConfusionMatrixCsv, test.ConfusionMatrix, classNames);
        ConfusionMatrixPlot.Save(_run.ConfusionMatrixPng, test.ConfusionMatrix, classNames);
        TrainingCurvesPlot.Save(_run.TrainingCurvesPng, HistoryLog.Read(_run.HistoryCsv));
        AtomicFile.WriteAllText(_run.SkippedFilesCsv, "path,reason\n" + string.Concat(_skipped.Values.OrderBy(b => b.Path, StringComparer.Ordinal)
            .Select(b => Csv.FormatRow([b.Path, b.Reason]))));
        string prefix = MovinetCheckpointWriter.Save(prepared.Model, _run.ModelDirectory);
        File.Copy(_run.LabelsTxt, Path.Combine(_run.ModelDirectory, "labels.txt"), overwrite: true);
        _log.LogInformation("final model saved as a TensorFlow checkpoint: {Prefix}", prefix);
        EndPhase("reports");

        EnvironmentJson.Write(_run.EnvironmentJson, _environment! with
        {
            FinishedUtc = DateTime.UtcNow, TimingsSeconds = _timings, PeakRssMb = _peaks, Numerics = RunNumerics.Record(),
        });
        _run.WriteStatus(RunState.Completed, trained.Outcome.LastEpoch);
        ReportHtml.Write(_run);
        _log.LogInformation("test accuracy {Top1:F4}, top-{K} {TopK:F4}, loss {Loss:F4}; expectations {Result}",
            test.Top1Accuracy, test.TopK, test.TopKAccuracy, test.MeanLoss, Expectations.AllPassed(checks) ? "met" : "NOT met");
        return new ExperimentOutcome(_run, test, checks);
    }

    public void Dispose() => _memory.Dispose();

    private void OnSkipped(BadVideo bad)
    {
        if (_skipped.TryAdd(bad.Path, bad)) _log.LogWarning("skipped {Path}: {Reason}", bad.Path, bad.Reason);
    }

    private void EndPhase(string name)
    {
        _timings[name] = Math.Round(_clock.Elapsed.TotalSeconds, 3);
        _clock.Restart();
        _peaks[name] = Mib(_memory.TakePeak())!.Value;
    }

    /// <summary>Bytes as MiB with one decimal, the unit of bench's peak_rss_mb.</summary>
    private static double? Mib(long? bytes) => bytes is long b ? Math.Round(b / 1048576.0, 1) : null;

    private static string MibText(long? bytes) => Mib(bytes)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-";
}
