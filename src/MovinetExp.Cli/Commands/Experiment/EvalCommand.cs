using System.ComponentModel;
using Microsoft.Extensions.Logging;
using MovinetExp.Cli.Infrastructure;
using MovinetExp.Common;
using MovinetExp.Experiments;
using MovinetExp.Reporting;
using Spectre.Console.Cli;
using MovinetExp.Runs;

namespace MovinetExp.Cli.Commands.Experiment;

/// <summary>
/// `eval RUN_DIR`: re-evaluates a run's final model on its test split (the same videos, found again from
/// the resolved spec) or on another dataset folder; `--checkpoint` evaluates any TF checkpoint with the
/// run's data instead. Exit 1 when the run's expectations fail.
/// </summary>
internal sealed class EvalCommand(ILoggerFactory loggers) : AsyncCommand<EvalCommand.Settings>
{
    public sealed class Settings : CatalogSettings
    {
        [CommandArgument(0, "<RUN_DIR>")]
        public string Run { get; init; } = "";

        [CommandOption("--data <DIR>")]
        [Description("Evaluate on every video of this folder (class folders named like the run's labels) instead of the run's test split")]
        public string? Data { get; init; }

        [CommandOption("--checkpoint <PATH>")]
        [Description("Evaluate this TF checkpoint (same classes as the run) instead of the run's final model")]
        public string? Checkpoint { get; init; }

        [CommandOption("--json")]
        public bool Json { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var run = RunFolder.Open(settings.Run);
        // On standard error: --json output on standard output stays parseable.
        if (RunLiveness.StaleWarning(run) is { } stale) Console.Error.WriteLine("warning: " + stale);
        var evaluation = await new RunEvaluation(run.Directory, settings.Data, settings.Checkpoint).EvaluateAsync(settings.LoadCatalog(),
            loggers.CreateLogger("eval"), bad => Diagnostics.Warning("skipped", bad.Path, bad.Reason), cancellation);
        if (settings.Json) Console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(MetricsWriter.ToBytes(new RunMetrics(evaluation.Result, evaluation.Checks))));
        else ExpectationTable.Write(evaluation.Result, evaluation.Checks);
        return evaluation.Passed ? ExitCodes.Success : ExitCodes.ExpectationFailed;
    }
}
