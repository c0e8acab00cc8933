using System.Diagnostics;

namespace MovinetExp.Runs;

/// <summary>
/// Who writes a run folder: process id, host name and process start time. Pid and host alone are not
/// unique over time (containers reuse small pids and host names); with the start time they name one process.
/// </summary>
public static class ProcessIdentity
{
    private static readonly Lazy<DateTime> Started = new(() =>
    {
        using var self = Process.GetCurrentProcess();
        return DateTime.SpecifyKind(self.StartTime.ToUniversalTime(), DateTimeKind.Utc);
    });

    public static int Pid => Environment.ProcessId;

    public static string Host => Environment.MachineName;

    /// <summary>When this process started, UTC, to the second (as status.json records it).</summary>
    public static DateTime StartedUtc => Started.Value.AddTicks(-(Started.Value.Ticks % TimeSpan.TicksPerSecond));
}
