using MovinetExp.Common;
using MovinetExp.Reporting;
using MovinetExp.Tests.Support;
using MovinetExp.Runs;

namespace MovinetExp.Tests.Cli;

/// <summary>
/// A run's life as process managers see it, with the real tool as a child process: SIGTERM (CI cancellation,
/// `timeout`, docker stop, Kubernetes) stops it like Ctrl+C, one process at a time writes a run folder, and a
/// run whose process was killed is reported as stale and can be resumed without losing its finished epochs.
/// </summary>
[Collection(CliRunsCollection.Name)]
public class CliRunLifecycleTests
{
    // Generous: these wait for whole child runs on a shared 2-core machine; they measure no speed.
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(180);

    [Fact]
    public void SigtermStopsARunAfterTheCurrentStepMarksItInterruptedAndExits143()
    {
        string folder = NewSpecFolder("cli-sigterm", epochs: 500);
        try
        {
            using var child = CliProcess.Start(folder, "run", "spec.yaml", "--runs", "runs");
            var run = WaitForFinishedEpoch(child, folder);

            PosixSignals.Send(child.Id, PosixSignals.SigTerm);
            var result = child.WaitForExit(Limit);

            Assert.True(result.ExitCode == ExitCodes.Terminated, $"exit code {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
            var status = run.ReadStatus();
            Assert.Equal(RunState.Interrupted, status.State);
            // Every finished epoch is kept and recorded: history and status agree.
            var epochs = HistoryLog.Read(run.HistoryCsv).Select(r => r.Epoch).ToList();
            Assert.NotEmpty(epochs);
            Assert.Equal(Enumerable.Range(1, epochs.Count), epochs);
            Assert.Equal(epochs[^1], status.LastCompletedEpoch);
            // status.json names the process that wrote it, and that process let go of the run.
            Assert.Equal(child.Id, status.Pid);
            Assert.Equal(Environment.MachineName, status.Host);
            Assert.NotNull(status.ProcessStartedUtc);
            Assert.True(RunLock.IsFree(run));
            Assert.Null(RunLiveness.StaleWarning(run));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ResumingARunThatIsStillRunningExits2NamingTheHolderAndLeavesTheRunAlone()
    {
        string folder = NewSpecFolder("cli-second-writer", epochs: 500);
        try
        {
            using var first = CliProcess.Start(folder, "run", "spec.yaml", "--runs", "runs");
            var run = WaitForFinishedEpoch(first, folder);

            var second = CliProcess.Run(folder, "run", "--resume", run.Directory);

            Assert.True(second.ExitCode == ExitCodes.UsageOrSpec, $"exit code {second.ExitCode}\n{second.StandardOutput}\n{second.StandardError}");
            Assert.Contains("is in use", second.Unwrapped);
            Assert.Contains($"pid {first.Id} on host {Environment.MachineName}", second.Unwrapped);
            Assert.Contains("process started", second.Unwrapped);
            Assert.False(first.HasExited, "the refused second writer must not disturb the first: " + first.Describe());

            PosixSignals.Send(first.Id, PosixSignals.SigTerm);
            Assert.Equal(ExitCodes.Terminated, first.WaitForExit(Limit).ExitCode);
            // One writer only: consecutive epochs, nothing resumed, status from the first process.
            var epochs = HistoryLog.Read(run.HistoryCsv).Select(r => r.Epoch).ToList();
            Assert.Equal(Enumerable.Range(1, epochs.Count), epochs);
            Assert.DoesNotContain("resumed after epoch", File.ReadAllText(run.LogTxt));
            Assert.Equal(first.Id, run.ReadStatus().Pid);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void RunWhoseProcessWasKilledIsReportedStaleAndResumesToTheEnd()
    {
        string folder = NewSpecFolder("cli-stale", epochs: 3);
        try
        {
            int killedPid;
            RunFolder run;
            using (var child = CliProcess.Start(folder, "run", "spec.yaml", "--runs", "runs"))
            {
                run = WaitForFinishedEpoch(child, folder);
                killedPid = child.Id;
                PosixSignals.Send(child.Id, PosixSignals.SigKill); // no chance to record an end
                child.WaitForExit(Limit);
            }
            var left = run.ReadStatus();
            Assert.Equal(RunState.Running, left.State);

            string? warning = RunLiveness.StaleWarning(run);
            Assert.NotNull(warning);
            Assert.Contains($"pid {killedPid}", warning);
            Assert.Contains("stale", ReportHtml.Render(run));
            var eval = CliProcess.Run(folder, "eval", run.Directory);
            Assert.Contains("stale run", eval.StandardError);

            var resumed = CliProcess.Run(folder, "run", "--resume", run.Directory);

            Assert.True(resumed.ExitCode == ExitCodes.Success, $"exit code {resumed.ExitCode}\n{resumed.StandardOutput}\n{resumed.StandardError}");
            Assert.Contains("stale run", File.ReadAllText(run.LogTxt));
            Assert.Equal(RunState.Completed, run.ReadStatus().State);
            Assert.Equal([1, 2, 3], HistoryLog.Read(run.HistoryCsv).Select(r => r.Epoch));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// A scratch folder with spec.yaml: A0 from scratch on generated 64 px videos, about 3 s per epoch on one
    /// thread, so a test can act between two epochs.
    /// </summary>
    private static string NewSpecFolder(string purpose, int epochs)
    {
        string folder = TestPaths.NewScratchFolder(purpose);
        File.WriteAllText(Path.Combine(folder, "spec.yaml"), $$"""
            name: lifecycle
            seed: 3
            data:
              source: synthetic
              path: data
              classes: [move_left, move_right]
              split: { train: 16, val: 0, test: 2 }
              frames: 8
              frame_step: 2
              resolution: 64
              cache: false
              workers: 1
              synthetic: { kinds: [move_left, move_right], videos_per_class: 18, frames_per_video: 16, size: 64 }
            model: { id: a0, variant: base, checkpoint: none, freeze: none, residual_scale_init: 1.0 }
            train: { epochs: {{epochs}}, batch_size: 8, threads: 1 }
            """);
        return folder;
    }

    /// <summary>The child's run folder once its status records a finished epoch.</summary>
    private static RunFolder WaitForFinishedEpoch(RunningCli child, string folder)
    {
        string experiment = Path.Combine(folder, "runs", "lifecycle");
        var deadline = DateTime.UtcNow + Limit;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(child.HasExited, "the run ended before its first epoch: " + child.Describe());
            string? directory = Directory.Exists(experiment) ? Directory.GetDirectories(experiment).SingleOrDefault() : null;
            // status.json is replaced atomically, so it always reads whole.
            if (directory != null && File.Exists(Path.Combine(directory, "status.json")))
            {
                var run = RunFolder.Open(directory);
                if (run.ReadStatus().LastCompletedEpoch >= 1) return run;
            }
            Thread.Sleep(100);
        }
        Assert.Fail($"no epoch finished within {Limit.TotalSeconds} s");
        return null!;
    }
}

/// <summary>
/// The tests that run whole child trainings go one at a time: each uses a core, and one that waits for an
/// epoch would otherwise wait on another's.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CliRunsCollection
{
    public const string Name = "cli runs";
}
