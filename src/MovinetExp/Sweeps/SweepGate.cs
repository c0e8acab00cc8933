using MovinetExp.Common;

namespace MovinetExp.Sweeps;

/// <summary>
/// The sweep's CI gate: exit 0 only when every point's run completed and met its expectations (the spec's
/// `expect:`, per point, plus any `--expect-all`); otherwise exit 1 with what kept it from passing.
/// </summary>
public static class SweepGate
{
    public static (int ExitCode, string Verdict) Judge(IReadOnlyList<SweepPointStatus> status)
    {
        int failed = status.Count(s => s.State == SweepPointState.Failed);
        int unmet = status.Count(s => s.State == SweepPointState.Done && s.ExpectationsPassed == false);
        int unfinished = status.Count(s => s.State is SweepPointState.Pending or SweepPointState.Running or SweepPointState.Requeued);
        if (failed == 0 && unmet == 0 && unfinished == 0)
            return (ExitCodes.Success, $"all {status.Count} points done, expectations met");
        var reasons = new List<string>();
        if (failed > 0) reasons.Add($"{failed} failed");
        if (unmet > 0) reasons.Add($"{unmet} did not meet their expectations");
        if (unfinished > 0) reasons.Add($"{unfinished} not finished");
        return (ExitCodes.ExpectationFailed, $"{string.Join(", ", reasons)} of {status.Count} points");
    }
}
