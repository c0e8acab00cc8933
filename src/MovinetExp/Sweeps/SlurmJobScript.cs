using System.Globalization;
using System.Text;

namespace MovinetExp.Sweeps;

/// <summary>
/// The `sbatch` script of a sweep: one array task per point, the task id being the point's index in sweep.json.
/// It runs the tool by the command recorded in the sweep (<see cref="SweepDefinition.ToolCommand"/>), which must
/// work on the nodes: the sweep folder, the data and the tool live on the file system they share. The array
/// (which points) is given on sbatch's command line, so `sweep resume` resubmits the same script for the points
/// that need it. Tasks may be requeued (node failure, preemption): a task finds its run folder and resumes it.
/// </summary>
public static class SlurmJobScript
{
    public static string Render(SweepFolder folder, SweepDefinition definition, SlurmOptions options)
    {
        var s = new StringBuilder();
        s.Append("#!/bin/bash\n");
        s.Append($"# Written by `dotnet movinet sweep` for {definition.Experiment}: one array task per sweep point (task id = point index\n");
        s.Append("# in sweep.json). Submitted with --array=<points>; `dotnet movinet sweep resume` resubmits it for the points to run again.\n");
        s.Append($"#SBATCH --job-name=movinet-{definition.Experiment}\n");
        s.Append(CultureInfo.InvariantCulture, $"#SBATCH --cpus-per-task={options.CpusPerTask}\n");
        s.Append($"#SBATCH --time={options.TimeLimit}\n");
        if (options.Partition != null) s.Append($"#SBATCH --partition={options.Partition}\n");
        if (options.GpusPerTask is int gpus) s.Append(CultureInfo.InvariantCulture, $"#SBATCH --gpus-per-task={gpus}\n");
        s.Append($"#SBATCH --output={Path.Combine(folder.LogsDirectory, "slurm-%A_%a.out")}\n");
        // A requeued task writes on into the same log instead of replacing what the first attempt wrote.
        s.Append("#SBATCH --open-mode=append\n");
        s.Append("#SBATCH --requeue\n");
        s.Append($"#SBATCH --chdir={folder.Directory}\n");
        s.Append("set -u\n");
        s.Append("echo \"movinet sweep task ${SLURM_ARRAY_TASK_ID} (job ${SLURM_JOB_ID}, restart ${SLURM_RESTART_COUNT:-0}) on $(hostname) at $(date -u +%FT%TZ)\"\n");
        var command = definition.ToolCommand.Select(Quote)
            .Concat(SweepTaskArguments.For(Quote(folder.Directory), "\"${SLURM_ARRAY_TASK_ID}\"",
                "\"${SLURM_CPUS_PER_TASK:-" + options.CpusPerTask.ToString(CultureInfo.InvariantCulture) + "}\""));
        s.Append("exec ").Append(string.Join(' ', command)).Append('\n');
        return s.ToString();
    }

    /// <summary>One shell word in single quotes (a quote inside becomes '\'').</summary>
    public static string Quote(string word) => "'" + word.Replace("'", "'\\''") + "'";
}
