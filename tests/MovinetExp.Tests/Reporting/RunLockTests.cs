using MovinetExp.Common;
using MovinetExp.Tests.Support;
using MovinetExp.Runs;

namespace MovinetExp.Tests.Reporting;

/// <summary>
/// The run folder's one-writer lock and what it tells about a "running" status. Two acquisitions in one
/// process conflict like two processes do (flock belongs to the open file, not the process).
/// </summary>
public class RunLockTests
{
    [Fact]
    public void SecondWriterIsRefusedWithASpecErrorNamingTheHolder()
    {
        RunFolder run = RunFolder.Create(TestPaths.NewScratchFolder("lock"), "exp", "abc", DateTime.UtcNow);
        run.WriteStatus(RunState.Running, 3);
        using var holder = RunLock.Acquire(run);

        var refused = Assert.Throws<UsageException>(() => RunLock.Acquire(run));

        Assert.Contains(run.Directory, refused.Message);
        Assert.Contains($"pid {Environment.ProcessId} on host {Environment.MachineName}", refused.Message);
        Assert.Contains("process started", refused.Message);
        Assert.Contains("last finished epoch 3", refused.Message);
    }

    [Fact]
    public void LockIsFreeAgainOnceTheHolderLetsGo()
    {
        RunFolder run = RunFolder.Create(TestPaths.NewScratchFolder("lock"), "exp", "abc", DateTime.UtcNow);

        var holder = RunLock.Acquire(run);
        Assert.False(RunLock.IsFree(run));
        holder.Dispose();

        Assert.True(RunLock.IsFree(run));
        RunLock.Acquire(run).Dispose();
        // The file stays, with its last holder for people to read (.NET readers are locked out while it is held).
        Assert.Contains($"pid {Environment.ProcessId}", File.ReadAllText(run.LockFile));
    }

    [Fact]
    public void RunningStatusIsStaleOnlyWhenNobodyHoldsTheLock()
    {
        RunFolder run = RunFolder.Create(TestPaths.NewScratchFolder("lock"), "exp", "abc", DateTime.UtcNow);
        run.WriteStatus(RunState.Running, 2);

        // The writer is gone (never took the lock here, as after a SIGKILL): stale, with a way forward.
        string? warning = RunLiveness.StaleWarning(run);
        Assert.NotNull(warning);
        Assert.Contains("last finished epoch 2", warning);
        Assert.Contains($"pid {Environment.ProcessId}", warning);
        Assert.Contains("--resume " + run.Directory, warning);

        using (RunLock.Acquire(run))
            Assert.Null(RunLiveness.StaleWarning(run)); // live
        run.WriteStatus(RunState.Interrupted, 2);
        Assert.Null(RunLiveness.StaleWarning(run)); // ended, and says so
    }

    [Fact]
    public void StatusNamesTheProcessThatWroteIt()
    {
        RunFolder run = RunFolder.Create(TestPaths.NewScratchFolder("lock"), "exp", "abc", DateTime.UtcNow);

        var status = run.ReadStatus();

        Assert.Equal(Environment.ProcessId, status.Pid);
        Assert.Equal(Environment.MachineName, status.Host);
        Assert.NotNull(status.ProcessStartedUtc);
        Assert.True(status.ProcessStartedUtc <= DateTime.UtcNow);
        Assert.DoesNotContain("writer", File.ReadAllText(run.StatusJson)); // a display helper, not a field
    }

    [Fact]
    public void StatusWrittenBeforePidsWereRecordedStillReads()
    {
        RunFolder run = RunFolder.Create(TestPaths.NewScratchFolder("lock"), "exp", "abc", DateTime.UtcNow);
        File.WriteAllText(run.StatusJson, """
            { "state": "interrupted", "last_completed_epoch": 4, "message": null, "updated_utc": "2026-11-29T07:00:00Z" }
            """);

        var status = run.ReadStatus();

        Assert.Equal(RunState.Interrupted, status.State);
        Assert.Null(status.Pid);
        Assert.Contains("older version", status.Writer);
    }
}
