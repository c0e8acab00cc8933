namespace MovinetExp.Sweeps;

/// <summary>
/// Slurm's view of a sweep's array tasks. `squeue` gives the tasks that are queued or running (and is always
/// there); `sacct` gives finished ones and their requeues, but only where the cluster keeps accounting
/// (slurmdbd). Without it (`sacct` fails: "accounting storage is disabled") a task that left the queue is judged
/// from its run folder alone, which tells completed, failed, interrupted and killed runs apart but not the
/// scheduler's reason (timeout, out of memory, node failure): the log file says that.
/// </summary>
public static class SlurmQueue
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private const string Missing = "Run `sweep status` where Slurm's commands work (a login node of the cluster that ran the sweep).";

    public static SchedulerView Query(IReadOnlyList<SlurmSubmission> submissions)
    {
        // The latest submission of each point is the one that counts: an earlier one ran before `sweep resume`.
        var latest = new Dictionary<int, SlurmSubmission>();
        foreach (var s in submissions) foreach (int i in s.Indices) latest[i] = s;
        if (latest.Count == 0) return new SchedulerView(new Dictionary<int, SchedulerTask>(), latest, null);

        string jobIds = string.Join(',', submissions.Select(s => s.JobId).Distinct());
        // --me: only this user's jobs; -r: one line per array task, pending ones too.
        var queue = ExternalCommand.Run("squeue", ["--me", "-h", "-r", "-o", "%i|%T|%r|%N"], Timeout, Missing);
        if (queue.ExitCode != 0)
            throw new Common.UsageException($"squeue failed (exit {queue.ExitCode}): {queue.Error.Trim()} {Missing}");
        var queued = ParseSqueue(queue.Output);

        string? note = null;
        IReadOnlyDictionary<string, SchedulerTask> accounted;
        var accounting = ExternalCommand.Run("sacct", ["-n", "-P", "-X", "-D", "-j", jobIds, "-o", "JobID,State,ExitCode,NodeList"], Timeout, Missing);
        if (accounting.ExitCode == 0) accounted = ParseSacct(accounting.Output);
        else
        {
            accounted = new Dictionary<string, SchedulerTask>();
            note = $"sacct is not available ({FirstLine(accounting.Error)}): tasks that left the queue are judged from their run folders";
        }

        var tasks = new Dictionary<int, SchedulerTask>();
        foreach (var (index, submission) in latest)
        {
            string id = submission.TaskId(index);
            accounted.TryGetValue(id, out var past);
            if (queued.TryGetValue(id, out var live)) tasks[index] = live with { Requeued = live.Requeued || past?.Requeued == true };
            else if (past != null) tasks[index] = past;
        }
        return new SchedulerView(tasks, latest, note);
    }

    /// <summary>`squeue -h -r -o "%i|%T|%r|%N"` lines: "1234_2|RUNNING|None|node1".</summary>
    public static IReadOnlyDictionary<string, SchedulerTask> ParseSqueue(string output)
    {
        var tasks = new Dictionary<string, SchedulerTask>(StringComparer.Ordinal);
        foreach (string line in Lines(output))
        {
            string[] f = line.Split('|');
            if (f.Length < 4) continue;
            string reason = f[2].Trim();
            tasks[f[0].Trim()] = new SchedulerTask(f[0].Trim(), f[1].Trim(), reason is "" or "None" ? null : reason,
                NullIfEmpty(f[3]), Requeued: reason.Contains("Requeue", StringComparison.OrdinalIgnoreCase));
        }
        return tasks;
    }

    /// <summary>
    /// `sacct -n -P -X -D -o JobID,State,ExitCode,NodeList` lines: "1234_2|FAILED|1:0|node1". With -D a requeued task
    /// has one line per attempt, the last being the current one; "CANCELLED by 0" is cut to CANCELLED. Lines of
    /// array tasks not yet split ("1234_[3-5]") are left out: those tasks are pending, as squeue says.
    /// </summary>
    public static IReadOnlyDictionary<string, SchedulerTask> ParseSacct(string output)
    {
        var tasks = new Dictionary<string, SchedulerTask>(StringComparer.Ordinal);
        foreach (string line in Lines(output))
        {
            string[] f = line.Split('|');
            if (f.Length < 4 || f[0].Contains('[', StringComparison.Ordinal)) continue;
            string id = f[0].Trim();
            string state = f[1].Trim().Split(' ')[0];
            // A second line for the same task is a second attempt.
            bool requeued = state == "REQUEUED" || tasks.ContainsKey(id);
            string exit = f[2].Trim();
            tasks[id] = new SchedulerTask(id, state, exit is "" or "0:0" ? null : $"exit {exit}", NullIfEmpty(f[3]), requeued);
        }
        return tasks;
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? NullIfEmpty(string s) => string.IsNullOrWhiteSpace(s) || s.Trim() == "(null)" ? null : s.Trim();

    private static string FirstLine(string text)
    {
        string t = text.Trim();
        int nl = t.IndexOf('\n');
        return (nl < 0 ? t : t[..nl]).Trim() is { Length: > 0 } s ? s : "no message";
    }
}
