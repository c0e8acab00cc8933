namespace MovinetExp.Native;

/// <summary>
/// Resident memory of this process, native allocations included. The GC's own counters miss LibTorch's
/// tensors, so flat memory across epochs is checked here, from /proc.
/// </summary>
public static class ProcessMemory
{
    /// <summary>Current resident set size in bytes (VmRSS).</summary>
    public static long ResidentBytes() => ReadStatusKiB("VmRSS:") * 1024;

    /// <summary>Peak resident set size in bytes since the process started (VmHWM).</summary>
    public static long PeakResidentBytes() => ReadStatusKiB("VmHWM:") * 1024;

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
