namespace MovinetExp.Runs;

/// <summary>Life-cycle of a run folder, as recorded in status.json.</summary>
public enum RunState
{
    /// <summary>Written at creation. A folder that stays "running" with no live process was killed or crashed.</summary>
    Running,
    Completed,
    Failed,
    Interrupted,
}
