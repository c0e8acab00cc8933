using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MovinetExp.Checkpoints;
using MovinetExp.Common;
using MovinetExp.Data.Loading;
using MovinetExp.Evaluation;
using MovinetExp.Native;
using MovinetExp.Reporting;
using MovinetExp.Specs;
using MovinetExp.Training;
using MovinetExp.IO;
using MovinetExp.Runs;

namespace MovinetExp.Experiments;

/// <summary>
/// `dotnet movinet run`: spec → data → model → training → evaluation → run folder. Everything a result
/// depends on is recorded in the run folder before training starts; every finished epoch is on disk
/// before the next begins; an interrupted run is marked as such and can be resumed.
/// </summary>
public sealed class ExperimentRunner
{
    private readonly ILoggerFactory _loggers;

    public ExperimentRunner(ILoggerFactory loggers) => _loggers = loggers;

    public async Task<ExperimentOutcome> RunAsync(ExperimentRequest request, IProgress<ExperimentProgress>? progress, CancellationToken cancellation)
    {
        var spec = request.Spec;
        var run = request.ResumeDirectory != null
            ? RunFolder.Open(request.ResumeDirectory)
            : request.RunDirectory != null ? RunFolder.CreateAt(request.RunDirectory)
            : RunFolder.Create(request.RunsRoot, spec.Name, SpecHash.Of(spec), DateTime.UtcNow);
        // Before anything is written to the folder: a second process must leave a live run untouched (exit 2).
        using var runLock = RunLock.Acquire(run);
        // A run that cannot be resumed stays as it was (e.g. interrupted).
        if (request.ResumeDirectory != null) CheckResumable(run);
        var previous = run.ReadStatus();
        run.WriteStatus(RunState.Running, previous.LastCompletedEpoch);
        using var logFile = new RunLogProvider(run.LogTxt);
        using var runLoggers = LoggerFactory.Create(b => b.AddProvider(logFile).SetMinimumLevel(LogLevel.Information));
        var fileLog = runLoggers.CreateLogger("run");
        var log = new CompositeLogger(fileLog, _loggers.CreateLogger("run"));
        var status = new SyncProgress<string>(message => { log.LogInformation("{Phase}", message); progress?.Report(new ExperimentProgress(message, null, spec.Train.Epochs)); });
        var started = DateTime.UtcNow;
        // A resumed run that stops before its first new epoch still has the epochs it finished before.
        int? lastEpoch = previous.LastCompletedEpoch;
        try
        {
            // Holding the lock, a "running" status can only have been left by a process that is gone.
            if (request.ResumeDirectory != null && previous.State == RunState.Running)
                log.LogWarning("{Stale}", RunLiveness.Describe(run, previous));
            return await RunInFolderAsync(request, run, log, status, progress, e => lastEpoch = e, started, cancellation);
        }
        catch (OperationCanceledException)
        {
            log.LogWarning("interrupted; finished epochs are saved: resume with `dotnet movinet run --resume {Run}`", run.Directory);
            run.WriteStatus(RunState.Interrupted, lastEpoch, "interrupted (Ctrl+C or SIGTERM); resume with `dotnet movinet run --resume " + run.Directory + "`");
            throw;
        }
        catch (MovinetException e)
        {
            // A user error (spec, data, checkpoint): its message says what to do; a stack trace would only bury it.
            // Into log.txt only: the exception goes to the caller, who shows it (the CLI prints it once, as "error:").
            fileLog.LogError("run failed: {Message}", e.Message);
            run.WriteStatus(RunState.Failed, lastEpoch, e.Message);
            throw;
        }
        catch (Exception e)
        {
            log.LogError(e, "run failed");
            run.WriteStatus(RunState.Failed, lastEpoch, e.Message);
            throw;
        }
    }

    private async Task<ExperimentOutcome> RunInFolderAsync(ExperimentRequest request, RunFolder run, ILogger log, IProgress<string> status,
        IProgress<ExperimentProgress>? progress, Action<int> epochFinished, DateTime started, CancellationToken cancellation)
    {
        var spec = request.Spec;
        var timings = new Dictionary<string, double>();
        // Peak resident memory (MiB) per phase, for environment.json: where a run's memory goes (issue #14).
        var peaks = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();
        using var memory = ResidentPeakSampler.Start();
        void EndPhase(string name)
        {
            timings[name] = Lap(clock);
            peaks[name] = Mib(memory.TakePeak())!.Value;
        }
        bool resuming = request.ResumeDirectory != null;
        if (!resuming) AtomicFile.WriteAllText(run.SpecResolvedYaml, SpecWriter.ToYaml(spec));
        log.LogInformation("run folder {Run}", run.Directory);

        var device = ComputeDevice.Select(spec.Train.Device.ToString().ToLowerInvariant());
        int threads = ComputeDevice.ConfigureThreads(spec.Train.Threads);

        // Data: the exact videos, pinned by their sha256.
        var dataset = await DatasetPreparation.PrepareAsync(spec, request.Catalog, log, status, cancellation);
        var classNames = dataset.Splits.ClassNames;
        AtomicFile.WriteAllText(run.LabelsTxt, string.Join("\n", classNames) + "\n");
        AtomicFile.WriteAllText(run.DataFilesCsv, dataset.Manifest.Text);
        EndPhase("data_preparation");

        // Model.
        var prepared = await ModelPreparation.PrepareAsync(spec, request.RunsRoot, classNames.Count, request.Catalog,
            device, log, status, cancellation);
        using var model = prepared.Model;
        EndPhase("model_preparation");

        var environment = new EnvironmentInfo
        {
            ToolVersion = RuntimeVersions.Tool,
            TorchSharpVersion = RuntimeVersions.TorchSharp,
            LibTorchVersion = RuntimeVersions.LibTorch,
            DotnetVersion = HostInfo.DotnetVersion,
            Os = HostInfo.Os,
            CpuModel = HostInfo.CpuModel(),
            LogicalCores = HostInfo.LogicalCores,
            Device = device.ToString(),
            Threads = threads,
            Seed = spec.Seed,
            CheckpointSha256 = prepared.Checkpoint?.Sha256,
            DataFileListSha256 = FileHashes.Sha256(run.DataFilesCsv),
            DataManifestHash = dataset.Manifest.Sha256,
            CommandLine = request.CommandLine,
            StartedUtc = started,
        };
        EnvironmentJson.Write(run.EnvironmentJson, environment);

        // Training.
        var skipped = new ConcurrentDictionary<string, BadVideo>();
        void OnSkipped(BadVideo bad)
        {
            if (skipped.TryAdd(bad.Path, bad)) log.LogWarning("skipped {Path}: {Reason}", bad.Path, bad.Reason);
        }
        var freeze = FreezePolicy.Apply(model, spec.Model.Freeze switch
        {
            FreezeMode.Backbone => null,
            FreezeMode.None => 0,
            _ => spec.Model.FreezeUntilBlock ?? 0,
        });
        using var optimizer = TrainingFromSpec.Optimizer(spec.Train, freeze);
        var settings = TrainingFromSpec.Settings(spec, spec.Train.FeatureCache == FeatureCacheMode.Auto, spec.Train.EarlyStoppingPatience);
        var trainer = new Trainer(model, freeze, optimizer, settings, device, log);
        var trainOptions = LoaderFactory.Options(spec, request.Catalog, training: true);
        var evalOptions = LoaderFactory.Options(spec, request.Catalog, training: false);
        var data = new TrainingData(
            LoaderFactory.Create(dataset.Splits.Train, trainer.UsesFeatureReuse ? trainOptions with { Shuffle = false } : trainOptions, OnSkipped),
            dataset.Splits.Val.Count > 0 ? LoaderFactory.Create(dataset.Splits.Val, evalOptions, OnSkipped) : null,
            spec.Data.TrainSampling == SamplingMode.Random ? spec.Train.CachedSamplings : 1);
        log.LogInformation("training {Epochs} epochs on {Device} with {Threads} threads; backbone {Frozen}; {Reuse}",
            spec.Train.Epochs, device, threads, freeze.BackboneFrozen ? "frozen" : "trained",
            trainer.UsesFeatureReuse ? $"frozen-backbone features computed once per sampling ({data.TrainSamplings})" : "backbone runs every step");

        var store = new EpochCheckpointStore(run.CheckpointsDirectory);
        var history = HistoryLog.Open(run.HistoryCsv);
        // history.csv is the record of finished epochs: a checkpoint past its last row was saved by a process that
        // died before recording it, and that epoch is trained again.
        var resumeFrom = resuming ? store.Latest(atMost: history.Rows.Count == 0 ? 0 : history.Rows[^1].Epoch) : null;
        history.TruncateAfter(resumeFrom?.Epoch ?? 0);
        if (resumeFrom != null) epochFinished(resumeFrom.Epoch); // what an interruption before the next epoch records
        var tensorBoard = spec.Train.Tensorboard ? new TensorBoardLog(run.Directory) : null;
        var outcome = trainer.Run(data, store, resumeFrom, report =>
        {
            tensorBoard?.Epoch(report);
            history.Append(new HistoryRow(report.Epoch, report.Train.Loss, report.Train.Accuracy, report.Validation?.Loss,
                report.Validation?.Accuracy, report.LearningRate, report.Duration.TotalSeconds,
                Mib(report.PeakResident?.Train), Mib(report.PeakResident?.BnRecompute), Mib(report.PeakResident?.Eval)));
            run.WriteStatus(RunState.Running, report.Epoch);
            epochFinished(report.Epoch);
            log.LogInformation("epoch {Epoch}: train loss {Loss:F4} acc {Acc:F4}; val {Val}; {Seconds:F1}s; resident memory {Rss:F0} MB (peak MiB: train {Train}, bn recompute {Bn}, eval {Eval})",
                report.Epoch, report.Train.Loss, report.Train.Accuracy,
                report.Validation == null ? "-" : $"loss {report.Validation.Loss:F4} acc {report.Validation.Accuracy:F4}",
                report.Duration.TotalSeconds, report.ResidentBytes / 1e6,
                MibText(report.PeakResident?.Train), MibText(report.PeakResident?.BnRecompute), MibText(report.PeakResident?.Eval));
            log.LogInformation("memory after epoch {Epoch}: {Memory}", report.Epoch, MemoryBreakdown.Now());
            progress?.Report(new ExperimentProgress(null, null, spec.Train.Epochs, report));
        }, new SyncProgress<StepProgress>(step => progress?.Report(new ExperimentProgress(null, step, spec.Train.Epochs))), status, cancellation);
        EndPhase("training");

        if (outcome.BestEpoch != outcome.LastEpoch && data.Validation != null)
        {
            status.Report($"restoring the best epoch ({outcome.BestEpoch}, by validation accuracy) for testing");
            store.Restore(outcome.BestEpoch, model, null);
        }

        // Evaluation and reports.
        status.Report("evaluating on the test split");
        var test = ClipEvaluation.Evaluate(model, dataset.Splits.Test, evalOptions, spec.Eval.ClipsPerVideo, classNames, spec.Eval.TopK,
            device, OnSkipped, cancellation);
        EndPhase("evaluation");
        double? baselineAccuracy = null;

        if (spec.Eval.RandomBackboneBaseline)
        {
            var baseline = RandomBackboneBaseline.TrainAndTest(spec, dataset,
                data with { Train = LoaderFactory.Create(dataset.Splits.Train, trainOptions with { Shuffle = false }, OnSkipped) },
                evalOptions, Path.Combine(run.Directory, "baseline-checkpoints"), device, log, status, OnSkipped, cancellation);
            new TransferComparison("Transfer learning: what the checkpoint's backbone is worth",
            [
                new ComparisonEntry($"this run: new head on the frozen backbone of {prepared.Checkpoint?.Origin ?? "no checkpoint"}", test.Top1Accuracy),
                new ComparisonEntry(RandomBackboneBaseline.ComparisonName, baseline.Top1Accuracy),
            ]).Write(run.ComparisonJson);
            baselineAccuracy = baseline.Top1Accuracy;
            EndPhase("baseline");
        }

        var checks = Expectations.Evaluate(ThresholdsOf(spec.Expect), test, baselineAccuracy);

        MetricsWriter.Write(run.MetricsJson, new RunMetrics(test, checks));
        ConfusionMatrixCsv.Write(run.ConfusionMatrixCsv, test.ConfusionMatrix, classNames);
        ConfusionMatrixPlot.Save(run.ConfusionMatrixPng, test.ConfusionMatrix, classNames);
        TrainingCurvesPlot.Save(run.TrainingCurvesPng, HistoryLog.Read(run.HistoryCsv));
        AtomicFile.WriteAllText(run.SkippedFilesCsv, "path,reason\n" + string.Concat(skipped.Values.OrderBy(b => b.Path, StringComparer.Ordinal)
            .Select(b => Csv.FormatRow([b.Path, b.Reason]))));
        string prefix = MovinetCheckpointWriter.Save(model, run.ModelDirectory);
        File.Copy(run.LabelsTxt, Path.Combine(run.ModelDirectory, "labels.txt"), overwrite: true);
        log.LogInformation("final model saved as a TensorFlow checkpoint: {Prefix}", prefix);
        EndPhase("reports");

        EnvironmentJson.Write(run.EnvironmentJson, environment with
        {
            FinishedUtc = DateTime.UtcNow, TimingsSeconds = timings, PeakRssMb = peaks, Numerics = RunNumerics.Record(),
        });
        run.WriteStatus(RunState.Completed, outcome.LastEpoch);
        ReportHtml.Write(run);
        log.LogInformation("test accuracy {Top1:F4}, top-{K} {TopK:F4}, loss {Loss:F4}; expectations {Result}",
            test.Top1Accuracy, test.TopK, test.TopKAccuracy, test.MeanLoss, Expectations.AllPassed(checks) ? "met" : "NOT met");
        return new ExperimentOutcome(run, test, checks);
    }

    /// <summary>
    /// A run that finished epochs can only go on from its saved epochs: without them it would silently
    /// train again from scratch into a history that already has those epochs.
    /// </summary>
    private static void CheckResumable(RunFolder run)
    {
        if (run.ReadStatus().LastCompletedEpoch is not (> 0 and int finished)) return;
        // Exists first: the store creates a missing folder.
        bool saved = Directory.Exists(run.CheckpointsDirectory) && new EpochCheckpointStore(run.CheckpointsDirectory).Latest() != null;
        if (!saved)
            throw new CheckpointException($"Run '{run.Directory}' finished {finished} epoch(s) but '{run.CheckpointsDirectory}' holds none of them, so it cannot be resumed. " +
                "Start a new run with `dotnet movinet run SPEC` (the resolved spec is in spec.resolved.yaml).");
    }

    public static ExpectationThresholds ThresholdsOf(ExpectSpec expect) => new()
    {
        TestAccuracy = expect.TestAccuracy,
        Top5Accuracy = expect.Top5Accuracy,
        VideoAccuracy = expect.VideoAccuracy,
        MinClassRecall = expect.MinClassRecall,
        MaxTestLoss = expect.MaxTestLoss,
        MinGainOverBaseline = expect.MinGainOverBaseline,
    };

    /// <summary>Bytes as MiB with one decimal, the unit of bench's peak_rss_mb.</summary>
    private static double? Mib(long? bytes) => bytes is long b ? Math.Round(b / 1048576.0, 1) : null;

    private static string MibText(long? bytes) => Mib(bytes)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-";

    private static double Lap(Stopwatch clock)
    {
        double seconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        return Math.Round(seconds, 3);
    }
}
