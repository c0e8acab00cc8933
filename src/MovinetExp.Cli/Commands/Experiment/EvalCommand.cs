using System.ComponentModel;
using Microsoft.Extensions.Logging;
using MovinetExp.Catalog;
using MovinetExp.Cli.Infrastructure;
using MovinetExp.Common;
using MovinetExp.Data.Sources;
using MovinetExp.Evaluation;
using MovinetExp.Experiments;
using MovinetExp.Inference;
using MovinetExp.Models;
using MovinetExp.Native;
using MovinetExp.Reporting;
using MovinetExp.Specs;
using Spectre.Console;
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
        var catalog = settings.LoadCatalog();
        // Resolved again: a run written by an older version may hold relative paths (relative to its folder).
        var (spec, _) = SpecResolution.Load(run.SpecResolvedYaml, [], catalog);
        var device = ComputeDevice.Select(spec.Train.Device.ToString().ToLowerInvariant());
        ComputeDevice.ConfigureThreads(spec.Train.Threads);
        using var classifier = settings.Checkpoint != null
            ? ClassifierLoader.FromCheckpoint(settings.Checkpoint, spec.Model.Id.ToString().ToLowerInvariant(),
                ModelPreparation.VariantOf(spec.Model.Variant), ModelPreparation.GateOf(spec.Model.HardSigmoid), catalog.CacheFolder, device,
                (run.ReadLabels(), $"run {run.Directory} (labels.txt)"))
            : ClassifierLoader.FromRun(run.Directory, device);

        IReadOnlyList<MovinetExp.Data.VideoItem> items;
        if (settings.Data != null)
        {
            var splits = FolderSource.Load(settings.Data, new SplitRequest(ClassSelection.Named(classifier.Labels), SplitCounts.All, SplitPolicy.Random, spec.Seed));
            items = splits.Train.Concat(splits.Val).Concat(splits.Test).ToList();
        }
        else
        {
            var dataset = await DatasetPreparation.PrepareAsync(spec, catalog,
                loggers.CreateLogger("eval"), null, cancellation);
            items = dataset.Splits.Test;
        }
        var result = ClipEvaluation.Evaluate(classifier.Model, items, LoaderFactory.Options(spec, catalog, training: false), spec.Eval.ClipsPerVideo,
            classifier.Labels, spec.Eval.TopK, device, bad => Diagnostics.Warning("skipped", bad.Path, bad.Reason), cancellation);
        var checks = Expectations.Evaluate(ExperimentRunner.ThresholdsOf(spec.Expect), result);
        if (settings.Json) Console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(MetricsWriter.ToBytes(new RunMetrics(result, checks))));
        else ExpectationTable.Write(result, checks);
        return Expectations.AllPassed(checks) ? ExitCodes.Success : ExitCodes.ExpectationFailed;
    }
}
