using System.Globalization;
using MovinetExp.Cli.Infrastructure;
using MovinetExp.Common;
using MovinetExp.Sweeps;
using Spectre.Console;

namespace MovinetExp.Cli.Commands.Sweep;

/// <summary>
/// Hands points to the sweep's executor and reports, for `sweep` and `sweep resume`. Locally it prints a line
/// as each point starts and ends (standard error), refreshes the summary files after each, then prints the
/// table and returns the gate's exit code. On Slurm it submits, prints the job id and what to run next, and
/// returns 0: the results come with `sweep collect`.
/// </summary>
internal static class SweepLaunch
{
    public static async Task<int> RunAsync(SweepFolder folder, SweepDefinition definition, IReadOnlyList<SweepPoint> points, int parallel,
        CancellationToken cancellation)
    {
        if (definition.Executor == SweepExecutors.Slurm)
        {
            await new SlurmExecutor().LaunchAsync(folder, definition, points, cancellation);
            var job = folder.ReadSubmissions()[^1];
            AnsiConsole.MarkupLineInterpolated($"submitted Slurm job [bold]{job.JobId}[/]: {points.Count} array task(s) ({SlurmExecutor.ArraySpec(job.Indices)}), script {folder.JobScript}");
            SweepTable.Write(folder, SweepSummary.Refresh(folder), json: false);
            Diagnostics.Note($"follow it with `dotnet movinet sweep status {folder.Directory}`; results and the gate with `dotnet movinet sweep collect {folder.Directory} --wait`");
            return ExitCodes.Success;
        }

        int done = 0;
        var executor = new LocalExecutor(parallel,
            started: point => Diagnostics.Note($"[{point.Index + 1}/{definition.Points.Count}] {point.Name} ({point.Describe()}): started, log {folder.LogOf(point)}"),
            ended: (point, exitCode) =>
            {
                done++;
                var status = SweepSummary.Refresh(folder).Status[point.Index];
                string result = status.TestAccuracy is double a
                    ? $"test accuracy {a.ToString("0.0000", CultureInfo.InvariantCulture)}" + (status.ExpectationsPassed == false ? ", expectations NOT met" : "")
                    // A process that ended before creating its run folder (the tool could not start): its log says why.
                    : $"exit code {exitCode}" + (status.State == SweepPointState.Pending ? $", no run folder; see {folder.LogOf(point)}" : "");
                Diagnostics.Note($"[{done}/{points.Count} ended] {point.Name}: {SweepSummary.Name(status.State)}, {result}" +
                    (status.Seconds is double s ? $" ({s:0} s)" : "") + (status.State == SweepPointState.Failed ? $": {status.Detail}" : ""));
            });
        Diagnostics.Note($"running {points.Count} point(s) here, {parallel} at a time, {executor.ThreadsPerPoint} thread(s) each");
        try
        {
            await executor.LaunchAsync(folder, definition, points, cancellation);
        }
        finally
        {
            // Interrupted too: the summary shows what finished, and `sweep resume` continues the rest.
            if (cancellation.IsCancellationRequested)
            {
                SweepSummary.Refresh(folder);
                Diagnostics.Note($"interrupted; continue with `dotnet movinet sweep resume {folder.Directory}`");
            }
        }
        var refresh = SweepSummary.Refresh(folder);
        SweepTable.Write(folder, refresh, json: false);
        return SweepGate.Judge(refresh.Status).ExitCode;
    }
}
