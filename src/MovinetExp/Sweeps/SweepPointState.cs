using System.Text.Json;
using System.Text.Json.Serialization;

namespace MovinetExp.Sweeps;

/// <summary>
/// Where a sweep point stands, from its run folder and, on Slurm, the scheduler's view of its task. Written as
/// "pending", "running", ... in every JSON (sweep.json and `--json`), as in the tables.
/// </summary>
[JsonConverter(typeof(SweepPointStateJson))]
public enum SweepPointState
{
    /// <summary>Not started: waiting in the local queue, queued by Slurm, or never submitted.</summary>
    Pending,
    /// <summary>A live process trains it.</summary>
    Running,
    /// <summary>Slurm put its task back in the queue (node failure, preemption, `scontrol requeue`); it will resume.</summary>
    Requeued,
    /// <summary>Its run completed (its expectations may still have failed: see the status's gate).</summary>
    Done,
    /// <summary>Its run failed, was interrupted or killed, or its task ended without a completed run: `sweep resume` runs it again.</summary>
    Failed,
}

/// <summary>Lower-case names for <see cref="SweepPointState"/> in JSON.</summary>
public sealed class SweepPointStateJson() : JsonStringEnumConverter<SweepPointState>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false);
