using System.Globalization;
using MovinetExp.Common;
using MovinetExp.IO;

namespace MovinetExp.Sweeps;

/// <summary>
/// Hands points to Slurm as one job array: writes slurm/sweep.sbatch (once), runs `sbatch --parsable
/// --array=&lt;indices&gt;`, and records the job id in slurm/jobs.csv. Slurm decides where and when each task
/// runs; `sweep status`/`collect` read the tasks' run folders and Slurm's state afterwards.
/// </summary>
public sealed class SlurmExecutor : ISweepExecutor
{
    public const string WhenMissing = "Run the sweep on a machine with Slurm's client commands (a cluster's login node), or start a " +
        "single-node Slurm on this machine with scripts/slurm-local (Debian: slurm-wlm and munge), or use --executor local.";

    public Task LaunchAsync(SweepFolder folder, SweepDefinition definition, IReadOnlyList<SweepPoint> points, CancellationToken cancellation)
    {
        var options = definition.Slurm ?? throw new InvalidOperationException("a Slurm sweep records its Slurm options");
        Directory.CreateDirectory(folder.SlurmDirectory);
        if (!File.Exists(folder.JobScript)) AtomicFile.WriteAllText(folder.JobScript, SlurmJobScript.Render(folder, definition, options));
        string array = ArraySpec(points.Select(p => p.Index)) + (options.MaxConcurrent is int max ? $"%{max}" : "");
        var result = ExternalCommand.Run("sbatch", ["--parsable", $"--array={array}", folder.JobScript], TimeSpan.FromSeconds(60), WhenMissing);
        // --parsable prints "jobid" or "jobid;cluster".
        string jobId = result.Output.Trim().Split(';')[0];
        if (result.ExitCode != 0 || jobId.Length == 0 || !jobId.All(char.IsAsciiDigit))
            throw new UsageException($"sbatch refused the sweep's job array (exit {result.ExitCode}): {(result.Error + result.Output).Trim()}. " +
                $"The job script is {folder.JobScript}; check --partition, --cpus-per-task and --time against the cluster (`sinfo`), " +
                $"then `dotnet movinet sweep resume {folder.Directory}`.");
        folder.AddSubmission(new SlurmSubmission(jobId, points.Select(p => p.Index).ToList(), DateTime.UtcNow));
        return Task.CompletedTask;
    }

    /// <summary>Indices as Slurm's array syntax with ranges: 0,1,2,5 → "0-2,5".</summary>
    public static string ArraySpec(IEnumerable<int> indices)
    {
        var sorted = indices.Distinct().Order().ToList();
        var parts = new List<string>();
        for (int i = 0; i < sorted.Count;)
        {
            int j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            parts.Add(j == i ? sorted[i].ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{sorted[i]}-{sorted[j]}"));
            i = j + 1;
        }
        return string.Join(',', parts);
    }
}
