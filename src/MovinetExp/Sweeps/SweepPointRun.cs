using System.Globalization;
using MovinetExp.Catalog;
using MovinetExp.Common;
using MovinetExp.Experiments;
using MovinetExp.Specs;
using MovinetExp.IO;
using MovinetExp.Runs;

namespace MovinetExp.Sweeps;

/// <summary>
/// What `sweep task SWEEP_DIR INDEX` runs: one point as a normal run in its fixed folder. A point with no run
/// folder starts one there, from the resolved spec the sweep validated (<see cref="SweepFolder.SpecOf"/>); a point whose run was interrupted, failed or killed (a requeued Slurm task, or
/// `sweep resume`) continues it exactly as `run --resume` does, from its spec.resolved.yaml and last finished
/// epoch; a completed point is left alone.
/// </summary>
public static class SweepPointRun
{
    /// <summary>The request that runs or resumes the point; null when its run has already completed.</summary>
    /// <param name="threads">Training threads when the spec leaves train.threads at 0 (auto): the cores given to this point.</param>
    /// <exception cref="UsageException">The index is not a point of the sweep, or the spec no longer loads.</exception>
    public static ExperimentRequest? Prepare(SweepFolder folder, int index, int? threads, ToolCatalog catalog, string commandLine)
    {
        var definition = folder.Read().Definition;
        if (index < 0 || index >= definition.Points.Count)
            throw new UsageException($"{folder.SweepJson} has points 0 to {definition.Points.Count - 1}; there is no point {index}. " +
                "A task id comes from the sweep's own job script; run `dotnet movinet sweep status` to see the points.");
        var point = definition.Points[index];
        string directory = folder.RunDirectory(point);

        if (File.Exists(Path.Combine(directory, "status.json")))
        {
            var run = RunFolder.Open(directory);
            if (run.ReadStatus().State == RunState.Completed) return null;
            // Stopped in the instant between creating the folder and writing its spec: write the spec it was going to.
            if (!File.Exists(run.SpecResolvedYaml))
                AtomicFile.WriteAllText(run.SpecResolvedYaml, SpecWriter.ToYaml(Load(folder, definition, point, threads, catalog).Spec));
            return ExperimentRequest.Resume(run, catalog, commandLine, runsRoot: definition.RunsRoot);
        }
        var (spec, specDirectory) = Load(folder, definition, point, threads, catalog);
        return new ExperimentRequest(spec, specDirectory, definition.RunsRoot, catalog, commandLine, RunDirectory: directory);
    }

    private static (ExperimentSpec Spec, string Directory) Load(SweepFolder folder, SweepDefinition definition, SweepPoint point, int? threads, ToolCatalog catalog)
    {
        string path = folder.SpecOf(point);
        var (spec, _) = SpecResolution.Load(path, [], catalog);
        // Auto threads would take every core of the node (or this machine) although the point was given fewer.
        if (spec.Train.Threads == 0 && threads is int n)
            (spec, _) = SpecResolution.Load(path, [$"train.threads={n.ToString(CultureInfo.InvariantCulture)}"], catalog);
        // Relative to the original spec file, as `run` has it (the point's paths are absolute already).
        return (spec, Path.GetDirectoryName(definition.Spec)!);
    }
}
