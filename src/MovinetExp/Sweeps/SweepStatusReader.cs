using MovinetExp.Common;
using MovinetExp.Reporting;
using MovinetExp.Runs;

namespace MovinetExp.Sweeps;

/// <summary>
/// Works out each point's state from its run folder (status.json, the run lock that tells a live run from a
/// killed one, metrics.json, environment.json) and, on Slurm, the scheduler's view of its task. The run folder
/// is the truth about results (a completed run is done whatever Slurm says); the scheduler is the truth about
/// tasks that have no live process yet or any more (queued, requeued, timed out, cancelled).
/// </summary>
public static class SweepStatusReader
{
    /// <param name="scheduler">Slurm's view; null for a local sweep (no scheduler: a point without a run folder waits).</param>
    public static IReadOnlyList<SweepPointStatus> Read(SweepFolder folder, SweepDefinition definition, SchedulerView? scheduler) =>
        definition.Points.Select(p => Of(folder, p, scheduler)).ToList();

    /// <summary>A point that has no run folder yet.</summary>
    public static SweepPointStatus NotStarted(SweepPoint point, string detail) =>
        new(point.Index, point.Name, point.Values, SweepPointState.Pending, detail, null, null, null, point.Run, null);

    private static SweepPointStatus Of(SweepFolder folder, SweepPoint point, SchedulerView? scheduler)
    {
        var run = FromRunFolder(folder, point);
        if (scheduler == null) return run ?? NotStarted(point, "not started");

        SlurmSubmission? submission = scheduler.Submissions.GetValueOrDefault(point.Index);
        if (submission == null)
            return run is { State: SweepPointState.Done } ? run : (run ?? NotStarted(point, "")) with
            {
                State = SweepPointState.Failed,
                Detail = "never submitted to Slurm (sbatch failed or the sweep was stopped): `sweep resume` submits it",
            };
        string taskId = submission.TaskId(point.Index);
        string log = Path.GetRelativePath(folder.Directory, Path.Combine(folder.LogsDirectory, $"slurm-{taskId}.out"));
        var task = scheduler.Tasks.GetValueOrDefault(point.Index);
        var status = (run ?? NotStarted(point, "")) with { SlurmTask = taskId, SlurmState = task?.State };
        if (run?.State == SweepPointState.Done) return status;

        if (task is { IsActive: true })
            return status with { State = SweepPointState.Running, Detail = Join($"Slurm {task.State} on {task.Node ?? "?"}", run?.Detail) };
        if (task is { IsQueued: true })
            // A task back in the queue after it had started (its run folder exists) was requeued.
            return task.Requeued || task.State.StartsWith("REQUEUE", StringComparison.Ordinal) || run != null
                ? status with { State = SweepPointState.Requeued, Detail = Join($"requeued by Slurm ({task.Detail ?? task.State})", run?.Detail) }
                : status with { State = SweepPointState.Pending, Detail = $"queued ({task.Detail ?? task.State})" };
        if (task != null)
            return status with { State = SweepPointState.Failed, Detail = Join($"Slurm {task.State}{(task.Detail != null ? " " + task.Detail : "")}", run?.Detail, $"log {log}") };
        // The task left the queue and accounting says nothing: its run folder tells what happened.
        if (run == null)
            return status with { State = SweepPointState.Failed, Detail = $"not in Slurm's queue and never created its run folder; see {log}" };
        return run.State == SweepPointState.Running ? status
            : status with { Detail = Join(run.Detail, $"log {log}") };
    }

    /// <summary>The state its run folder shows, or null when the point has not started.</summary>
    private static SweepPointStatus? FromRunFolder(SweepFolder folder, SweepPoint point)
    {
        string directory = folder.RunDirectory(point);
        if (!File.Exists(Path.Combine(directory, "status.json"))) return null;
        var run = RunFolder.Open(directory);
        RunStatus status;
        try
        {
            status = run.ReadStatus();
        }
        catch (DataException e)
        {
            return NotStarted(point, e.Message) with { State = SweepPointState.Failed };
        }
        string epochs = status.LastCompletedEpoch is int e1 ? $"epoch {e1} finished" : "no epoch finished";
        var basis = NotStarted(point, "");
        switch (status.State)
        {
            case RunState.Completed:
                RunMetrics? metrics = File.Exists(run.MetricsJson) ? MetricsReader.Read(run.MetricsJson) : null;
                return basis with
                {
                    State = SweepPointState.Done,
                    Detail = metrics == null || metrics.Expectations.All(c => c.Passed) ? "completed"
                        : "completed; not met: " + string.Join(", ", metrics.Expectations.Where(c => !c.Passed).Select(c => c.Name)),
                    TestAccuracy = metrics?.Result.Top1Accuracy,
                    ExpectationsPassed = metrics == null || metrics.Expectations.Count == 0 ? null : metrics.Expectations.All(c => c.Passed),
                    Seconds = Seconds(run),
                    Report = File.Exists(run.ReportHtml) ? Path.Combine(point.Run, "report.html") : null,
                };
            case RunState.Running when !RunLiveness.IsStale(run, status):
                return basis with { State = SweepPointState.Running, Detail = $"running, {epochs}" };
            case RunState.Running:
                return basis with { State = SweepPointState.Failed, Detail = $"killed: its process ({status.Writer}) ended without recording an end, {epochs}" };
            case RunState.Interrupted:
                return basis with { State = SweepPointState.Failed, Detail = $"interrupted (SIGINT/SIGTERM), {epochs}" };
            default:
                return basis with { State = SweepPointState.Failed, Detail = $"failed: {FirstLine(status.Message)}, {epochs}" };
        }
    }

    private static double? Seconds(RunFolder run)
    {
        if (!File.Exists(run.EnvironmentJson)) return null;
        var environment = EnvironmentJson.Read(run.EnvironmentJson);
        return environment.FinishedUtc is DateTime end ? Math.Round((end - environment.StartedUtc).TotalSeconds, 1) : null;
    }

    private static string Join(params string?[] parts) => string.Join("; ", parts.Where(p => !string.IsNullOrEmpty(p)));

    private static string FirstLine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "no message";
        string t = text.Trim();
        int nl = t.IndexOf('\n');
        return nl < 0 ? t : t[..nl];
    }
}
