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
    public const int Interrupted = 130;
}
