namespace MovinetExp.Runs;

/// <summary>
/// Tells a live run from a stale one: status.json says "running" both while a run trains and after its
/// process was killed or crashed without recording an end. The run's lock (<see cref="RunLock"/>) settles
/// it: a running run whose lock nobody holds has no process behind it any more.
/// </summary>
public static class RunLiveness
{
    /// <summary>True when <paramref name="status"/> (the folder's) says running and no process holds the run's lock.</summary>
    public static bool IsStale(RunFolder run, RunStatus status) => status.State == RunState.Running && RunLock.IsFree(run);

    /// <summary>What `run --resume`, `eval` and the report say about a stale run; null when the run is not stale.</summary>
    public static string? StaleWarning(RunFolder run)
    {
        var status = run.ReadStatus();
        return IsStale(run, status) ? Describe(run, status) : null;
    }

    /// <summary>The warning for a status known to be stale (e.g. by a resumer that has just taken the lock).</summary>
    public static string Describe(RunFolder run, RunStatus status)
    {
        string epoch = status.LastCompletedEpoch is int last ? $"last finished epoch {last}" : "no epoch finished";
        return $"stale run: status.json says running ({epoch}, updated {status.UpdatedUtc:yyyy-MM-ddTHH:mm:ssZ}), but {status.Writer} " +
               $"no longer runs it: it was killed or crashed without recording an end. Finished epochs are kept; " +
               $"continue with `dotnet movinet run --resume {run.Directory}`.";
    }
}
