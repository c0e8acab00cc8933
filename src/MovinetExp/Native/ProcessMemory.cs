namespace MovinetExp.Native;

/// <summary>
/// Resident memory of this process, native allocations included. The GC's own counters miss LibTorch's
/// tensors, so flat memory across epochs is checked here, from /proc.
/// </summary>
public static class ProcessMemory
{
    /// <summary>Current resident set size in bytes (VmRSS).</summary>
    public static long ResidentBytes() => ReadStatusKiB("VmRSS:") * 1024;

    /// <summary>
    /// Peak resident set size in bytes (VmHWM) since the last successful <see cref="ResetPeak"/>, else since the
    /// process started.
    /// </summary>
    public static long PeakResidentBytes() => ReadStatusKiB("VmHWM:") * 1024;

    /// <summary>
    /// Starts a new peak: the kernel sets VmHWM back to the current resident size (writing 5 to
    /// /proc/self/clear_refs, Linux 4.0+), so the peak of each phase can be read on its own. False where that
    /// is not possible (another OS, a locked-down /proc): peaks then run from the process start.
    /// </summary>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    private static long ReadStatusKiB(string field)
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith(field, StringComparison.Ordinal))
                    return long.Parse(line.AsSpan(field.Length).Trim().ToString().Split(' ')[0]);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return Environment.WorkingSet / 1024;
    }
}
