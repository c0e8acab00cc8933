using System.Text.Json.Serialization;

namespace MovinetExp.Runs;

/// <summary>
/// Contents of status.json: where the run stands, the last epoch whose checkpoint and history row were written
/// (null before the first epoch ends), an optional message (the error for a failed run), when it was written,
/// and which process wrote it (<see cref="Pid"/> on <see cref="Host"/>, started at <see cref="ProcessStartedUtc"/>;
/// null in folders written before the tool recorded them). While the run is live that process holds
/// <see cref="RunLock"/>; a "running" status whose lock nobody holds is stale (see <see cref="RunLiveness"/>).
/// </summary>
public sealed record RunStatus(RunState State, int? LastCompletedEpoch, string? Message, DateTime UpdatedUtc,
    int? Pid = null, string? Host = null, DateTime? ProcessStartedUtc = null)
{
    /// <summary>"pid 123 on host h (process started 2026-...Z)", or a placeholder for folders without it.</summary>
    [JsonIgnore]
    public string Writer => Pid is int pid
        ? $"pid {pid} on host {Host ?? "?"}" + (ProcessStartedUtc is DateTime started ? $" (process started {started:yyyy-MM-ddTHH:mm:ssZ})" : "")
        : "a process the status does not name (written by an older version)";
}
