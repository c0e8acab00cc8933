namespace MovinetExp.Sweeps;

/// <summary>
/// What the scheduler says about one array task: its state in Slurm's words (PENDING, RUNNING, COMPLETED,
/// FAILED, CANCELLED, TIMEOUT, NODE_FAIL, OUT_OF_MEMORY, PREEMPTED, REQUEUED, ...), the pending reason or exit
/// code when there is one, the node, and whether it was ever requeued (known only from accounting).
/// </summary>
public sealed record SchedulerTask(string TaskId, string State, string? Detail, string? Node, bool Requeued)
{
    /// <summary>Slurm states in which a process is (or is about to be) running the task.</summary>
    public bool IsActive => State is "RUNNING" or "COMPLETING" or "CONFIGURING" or "SUSPENDED" or "STOPPED" or "RESIZING" or "SIGNALING" or "STAGE_OUT";

    /// <summary>Slurm states in which the task waits in the queue, first time or again.</summary>
    public bool IsQueued => State is "PENDING" or "REQUEUED" or "REQUEUE_HOLD" or "REQUEUE_FED" or "RESV_DEL_HOLD";
}
