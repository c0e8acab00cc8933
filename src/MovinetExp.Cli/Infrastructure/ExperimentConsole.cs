using Microsoft.Extensions.Logging;
using MovinetExp.Common;
using MovinetExp.Experiments;
using Spectre.Console;

namespace MovinetExp.Cli.Infrastructure;

/// <summary>
/// Runs one experiment request with the console around it: the one-line header, live progress, the test
/// metrics and expectation tables, and the run folder. Shared by `run` and by `sweep task` (one sweep point),
/// so a point's log reads like any run's output.
/// </summary>
internal static class ExperimentConsole
{
    public static async Task<ExperimentOutcome> RunAsync(ExperimentRequest request, ILoggerFactory loggers, CancellationToken cancellation)
    {
        var spec = request.Spec;
        AnsiConsole.MarkupLineInterpolated($"[bold]{spec.Name}[/]: MoViNet {EnumNames.Of(spec.Model.Id)} {EnumNames.Of(spec.Model.Variant)}, {EnumNames.Of(spec.Data.Source)} data, {spec.Train.Epochs} epochs");
        var outcome = await RunProgressView.RunAsync(progress => new ExperimentRunner(loggers).RunAsync(request, progress, cancellation));
        ExpectationTable.Write(outcome.Test, outcome.Checks);
        AnsiConsole.MarkupLineInterpolated($"run folder: [bold]{outcome.Run.Directory}[/] (report.html, metrics.json, model/)");
        return outcome;
    }
}
