using System.Diagnostics;
using MovinetExp.Tests.Specs;

namespace MovinetExp.Tests.Sweeps;

/// <summary>
/// The single-node Slurm the Slurm sweep tests submit to: started once per test run by scripts/slurm-local
/// (idempotent: installs slurm-wlm and munge when missing, configures this host, starts munged, slurmctld and
/// slurmd). When it cannot be started the tests fail and say how to set it up; they are skipped only when
/// <see cref="SkipVariable"/> is set, explicitly.
/// </summary>
public sealed class SlurmCluster
{
    public const string SkipVariable = "MOVINET_SKIP_SLURM_TESTS";

    public SlurmCluster()
    {
        string script = Path.Combine(RepoFiles.Root, "scripts", "slurm-local");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        bool ended = process.WaitForExit(TimeSpan.FromMinutes(10));
        if (!ended) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        Problem = ended && process.ExitCode == 0 ? null
            : $"scripts/slurm-local could not start a single-node Slurm ({(ended ? $"exit {process.ExitCode}" : "timed out")}):\n{output.Result}\n{error.Result}\n" +
              "Run `scripts/setup --tests` (or `scripts/slurm-local`) as root or with sudo on Debian 12 (it installs slurm-wlm and munge), " +
              $"or set {SkipVariable}=1 to skip the Slurm tests on a machine that cannot run Slurm.";
    }

    /// <summary>Why Slurm is not usable here, or null when it is.</summary>
    public string? Problem { get; }

    public void AssertReady() => Assert.True(Problem == null, Problem);
}

/// <summary>A test that needs <see cref="SlurmCluster"/>: skipped only when MOVINET_SKIP_SLURM_TESTS is set.</summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(SlurmCluster.SkipVariable)))
            Skip = $"{SlurmCluster.SkipVariable} is set";
    }
}
