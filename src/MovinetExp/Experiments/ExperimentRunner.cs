using Microsoft.Extensions.Logging;
using MovinetExp.Common;
using MovinetExp.Specs;
using MovinetExp.Training;
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

    private static async Task<ExperimentOutcome> RunInFolderAsync(ExperimentRequest request, RunFolder run, ILogger log, IProgress<string> status,
        IProgress<ExperimentProgress>? progress, Action<int> epochFinished, DateTime started, CancellationToken cancellation)
    {
        using var stages = new ExperimentStages(request, run, log, status, progress, epochFinished);
        var dataset = await stages.PrepareDataAsync(cancellation);
        var prepared = await stages.PrepareModelAsync(dataset, cancellation);
        using var model = prepared.Model;
        stages.RecordEnvironment(prepared, dataset, started);
        var trained = stages.Train(prepared, dataset, cancellation);
        var tested = stages.Evaluate(prepared, dataset, trained, cancellation);
        return stages.Publish(prepared, dataset, trained, tested);
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
}
