using System.Runtime.InteropServices;

namespace MovinetExp.Tests.Support;

/// <summary>
/// Sends POSIX signals to child processes the way `kill`, `timeout`, docker and Kubernetes do (.NET can only
/// kill with SIGKILL through <see cref="System.Diagnostics.Process.Kill()"/>).
/// </summary>
public static class PosixSignals
{
    public const int SigKill = 9;
    public const int SigTerm = 15;

    public static void Send(int pid, int signal)
    {
        if (kill(pid, signal) != 0)
            throw new InvalidOperationException($"kill({pid}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}");
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
