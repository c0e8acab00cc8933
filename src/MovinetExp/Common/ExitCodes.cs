namespace MovinetExp.Common;

/// <summary>The tool's documented exit codes (README, "Exit codes"). CI pipelines branch on them.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int ExpectationFailed = 1;
    public const int UsageOrSpec = 2;
    public const int Data = 3;
    public const int Checkpoint = 4;
    public const int Numerics = 5;
    /// <summary>Ctrl+C (SIGINT): 128 + 2, what a shell reports for a process ended by SIGINT.</summary>
    public const int Interrupted = 130;
    /// <summary>SIGTERM (CI cancellation, timeout, docker stop, Kubernetes, systemd): 128 + 15.</summary>
    public const int Terminated = 143;
}
