using System.Runtime.InteropServices;

namespace MovinetExp.Native;

/// <summary>
/// Sends SIGTERM to a child process: .NET can only kill with SIGKILL, which leaves a run no chance to record
/// that it was interrupted, while the tool handles SIGTERM like Ctrl+C (finished epochs kept, status written).
/// </summary>
public static partial class ProcessSignals
{
    private const int SigTerm = 15;

    /// <summary>Asks <paramref name="pid"/> to stop; false when it has already gone.</summary>
    public static bool Terminate(int pid) => OperatingSystem.IsWindows() ? false : kill(pid, SigTerm) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
