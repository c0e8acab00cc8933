using System.Runtime.InteropServices;

namespace MovinetExp.Reporting;

/// <summary>Facts about the machine for <see cref="EnvironmentInfo"/>: OS, CPU model, core count, .NET version.</summary>
public static class HostInfo
{
    public static string Os => RuntimeInformation.OSDescription;
    public static string DotnetVersion => RuntimeInformation.FrameworkDescription;
    public static int LogicalCores => Environment.ProcessorCount;

    /// <summary>The CPU model from /proc/cpuinfo, or "unknown" where that file does not exist or says nothing.</summary>
    public static string CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        try
        {
            return File.Exists(cpuinfo) ? ParseCpuModel(File.ReadAllText(cpuinfo)) ?? "unknown" : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>The first "model name" value in /proc/cpuinfo text (x86 and most ARM kernels write it), else null.</summary>
    public static string? ParseCpuModel(string cpuinfoText)
    {
        foreach (string line in cpuinfoText.Split('\n'))
        {
            int colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim() == "model name")
                return line[(colon + 1)..].Trim();
        }
        return null;
    }
}
