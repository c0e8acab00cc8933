using System.Diagnostics;
using System.Globalization;
using MovinetExp.Native;

namespace MovinetExp.Sweeps;

/// <summary>
/// Runs points on this machine, <paramref name="parallel"/> at a time, each as its own process (`sweep task`):
/// LibTorch's thread count is per process, and a crash in one point cannot take the others down. The cores are
/// divided between the points that run together (a spec that sets train.threads keeps its own). Each point's
/// output goes to logs/&lt;point&gt;.log. The points run in a session of their own (setsid), so Ctrl+C at the
/// terminal reaches only this process, which passes one SIGTERM on to each running point: they stop after the
/// current step, keep their finished epochs and can be resumed.
/// </summary>
public sealed class LocalExecutor(int parallel, Action<SweepPoint>? started = null, Action<SweepPoint, int>? ended = null) : ISweepExecutor
{
    private readonly object _events = new();

    public int ThreadsPerPoint => Math.Max(1, Environment.ProcessorCount / Math.Max(1, parallel));

    public async Task LaunchAsync(SweepFolder folder, SweepDefinition definition, IReadOnlyList<SweepPoint> points, CancellationToken cancellation)
    {
        Directory.CreateDirectory(folder.LogsDirectory);
        var running = new Dictionary<int, Process>();
        using var stop = cancellation.Register(() =>
        {
            lock (running) foreach (var p in running.Values) ProcessSignals.Terminate(p.Id);
        });
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallel) };
        // Not cancelled through the options: points already running must be waited for after their SIGTERM.
        await Parallel.ForEachAsync(points, options, async (point, _) =>
        {
            if (cancellation.IsCancellationRequested) return;
            using var process = Start(folder, definition, point);
            lock (running) running[point.Index] = process;
            // A cancellation between the check above and the registration would miss this point.
            if (cancellation.IsCancellationRequested) ProcessSignals.Terminate(process.Id);
            lock (_events) started?.Invoke(point);
            await process.WaitForExitAsync(CancellationToken.None);
            lock (running) running.Remove(point.Index);
            lock (_events) ended?.Invoke(point, process.ExitCode);
        });
        cancellation.ThrowIfCancellationRequested();
    }

    private Process Start(SweepFolder folder, SweepDefinition definition, SweepPoint point)
    {
        // sh redirects the point's output into its log and execs setsid, which execs the tool: one process, whose
        // id is the one signalled.
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (string a in (string[])["-c", "log=$1; shift; exec setsid \"$@\" </dev/null >>\"$log\" 2>&1", "sh", folder.LogOf(point)])
            start.ArgumentList.Add(a);
        foreach (string a in definition.ToolCommand) start.ArgumentList.Add(a);
        foreach (string a in SweepTaskArguments.For(folder.Directory, point.Index.ToString(CultureInfo.InvariantCulture),
                     ThreadsPerPoint.ToString(CultureInfo.InvariantCulture)))
            start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }
}
