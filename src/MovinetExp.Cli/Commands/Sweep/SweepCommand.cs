using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Logging;
using MovinetExp.Cli.Infrastructure;
using MovinetExp.Common;
using MovinetExp.Sweeps;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MovinetExp.Cli.Commands.Sweep;

/// <summary>
/// `sweep SPEC --grid key=v1,v2 ...`: every combination of the grid values as a normal run, in a sweep folder
/// with a summary. Every point is validated first (all problems at once, exit 2, nothing started). Locally the
/// exit code is the gate's (1 when a point failed or missed its expectations); on Slurm the job array is
/// submitted and `sweep collect` gives the gate.
/// </summary>
internal sealed class SweepCommand(ILoggerFactory loggers) : AsyncCommand<SweepCommand.Settings>
{
    public sealed class Settings : CatalogSettings
    {
        [CommandArgument(0, "<SPEC>")]
        [Description("Experiment spec (YAML) that every point starts from")]
        public string Spec { get; init; } = "";

        [CommandOption("--grid <KEY=V1,V2>")]
        [Description("A spec key (as for --set) and the values to try, e.g. --grid train.lr=0.001,0.003 (repeatable: the sweep is the product)")]
        public string[] Grid { get; init; } = [];

        [CommandOption("--set <KEY=VALUE>")]
        [Description("Override a spec value for every point, e.g. --set train.epochs=3 (repeatable)")]
        public string[] Overrides { get; init; } = [];

        [CommandOption("--expect-all <KEY=VALUE>")]
        [Description("An expectation every point must meet, e.g. --expect-all test_accuracy=0.8 (an expect: key; repeatable)")]
        public string[] ExpectAll { get; init; } = [];

        [CommandOption("--runs <DIR>")]
        [Description("Folder that holds run folders; the sweep goes to DIR/sweeps/ (default: runs)")]
        [DefaultValue("runs")]
        public string Runs { get; init; } = "runs";

        [CommandOption("--executor <NAME>")]
        [Description("local (this machine, default) or slurm (a job array submitted with sbatch)")]
        [DefaultValue(SweepExecutors.Local)]
        public string Executor { get; init; } = SweepExecutors.Local;

        [CommandOption("--parallel <N>")]
        [Description("local: points that run at once, the cores divided between them (default: 1)")]
        public int? Parallel { get; init; }

        [CommandOption("--cpus-per-task <N>")]
        [Description("slurm: cores per point (its training threads) (default: 2)")]
        public int? CpusPerTask { get; init; }

        [CommandOption("--time <LIMIT>")]
        [Description("slurm: time limit per point in Slurm's format, e.g. 30:00 or 1-00:00:00 (default: 1:00:00)")]
        public string? Time { get; init; }

        [CommandOption("--partition <NAME>")]
        [Description("slurm: partition to submit to (default: the cluster's default)")]
        public string? Partition { get; init; }

        [CommandOption("--gpus-per-task <N>")]
        [Description("slurm: GPUs per point (a CUDA build of the tool; set train.device=cuda or leave auto)")]
        public int? GpusPerTask { get; init; }

        [CommandOption("--max-running <N>")]
        [Description("slurm: at most N points running at once (--array=...%N)")]
        public int? MaxRunning { get; init; }

        [CommandOption("--tool <COMMAND>")]
        [Description("How nodes start this tool, e.g. \"movinet\" (global install); default: this dotnet host and movinet.dll by absolute path")]
        public string? Tool { get; init; }

        public bool IsSlurm => Executor == SweepExecutors.Slurm;

        public override ValidationResult Validate()
        {
            if (ChoiceOption.Validate(Executor, "--executor", [SweepExecutors.Local, SweepExecutors.Slurm]) is { Successful: false } badExecutor)
                return badExecutor;
            if (Grid.Length == 0)
                return ValidationResult.Error("give at least one --grid key=value1,value2, e.g. --grid train.lr=0.001,0.003");
            string? misplaced = IsSlurm
                ? (Parallel != null ? "--parallel" : null)
                : CpusPerTask != null ? "--cpus-per-task" : Time != null ? "--time" : Partition != null ? "--partition"
                : GpusPerTask != null ? "--gpus-per-task" : MaxRunning != null ? "--max-running" : null;
            if (misplaced != null)
                return ValidationResult.Error($"{misplaced} is an option of --executor {(IsSlurm ? SweepExecutors.Local : SweepExecutors.Slurm)}, not of --executor {Executor}");
            if (ExpectAll.FirstOrDefault(e => e.IndexOf('=') <= 0) is { } bad)
                return ValidationResult.Error($"--expect-all {bad}: expected KEY=VALUE with an expect: key, e.g. --expect-all test_accuracy=0.8");
            if (Time != null && !System.Text.RegularExpressions.Regex.IsMatch(Time, @"^(\d+-)?\d+(:\d{1,2}){0,2}$"))
                return ValidationResult.Error($"--time must be a Slurm time limit such as 30, 30:00, 1:00:00 or 1-00:00:00, not '{Time}'");
            return OptionChecks.First(
                OptionChecks.Integer("--parallel", Parallel, 1, 256),
                OptionChecks.Integer("--cpus-per-task", CpusPerTask, 1, 1024),
                OptionChecks.Integer("--gpus-per-task", GpusPerTask, 1, 64),
                OptionChecks.Integer("--max-running", MaxRunning, 1, SweepGrid.MaxPoints));
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var catalog = settings.LoadCatalog();
        var axes = settings.Grid.Select(GridAxis.Parse).ToList();
        // --expect-all test_accuracy=0.8 is --set expect.test_accuracy=0.8 on every point: the same validation and did-you-mean.
        var overrides = settings.Overrides.Concat(settings.ExpectAll.Select(e => e.StartsWith("expect.", StringComparison.Ordinal) ? e : "expect." + e)).ToList();
        var plan = SweepPlanner.Plan(settings.Spec, overrides, axes, catalog);
        if (settings.IsSlurm)
        {
            // Before anything is created: a sweep that cannot be submitted should leave nothing behind.
            ExternalCommand.Run("sbatch", ["--version"], TimeSpan.FromSeconds(30), SlurmExecutor.WhenMissing);
        }

        var (tool, origin) = settings.Tool != null ? ToolCommand.Given(settings.Tool)
            : ToolCommand.OfThisProcess(Assembly.GetEntryAssembly()!.Location, Environment.ProcessPath);
        var definition = new SweepDefinition(
            Experiment: plan.Points.Select(p => p.Run.Split('/')[0]).Distinct().Count() == 1 ? plan.Points[0].Run.Split('/')[0] : "sweep",
            Spec: Path.GetFullPath(settings.Spec),
            Overrides: overrides,
            Grid: axes,
            Points: plan.Points,
            RunsRoot: Path.GetFullPath(settings.Runs),
            Catalog: settings.Catalog != null ? Path.GetFullPath(settings.Catalog) : null,
            Executor: settings.Executor,
            ToolCommand: tool,
            ToolCommandOrigin: origin,
            CommandLine: "dotnet movinet " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
            CreatedUtc: DateTime.UtcNow,
            Slurm: settings.IsSlurm ? new SlurmOptions(settings.CpusPerTask ?? 2, settings.Time ?? "1:00:00", settings.Partition, settings.GpusPerTask, settings.MaxRunning) : null);
        var folder = SweepFolder.Create(settings.Runs, definition, plan.Specs);
        AnsiConsole.MarkupLineInterpolated($"sweep of [bold]{definition.Experiment}[/]: {plan.Points.Count} points ({string.Join(" x ", axes.Select(a => $"{a.Values.Count} {a.Key}"))}), executor {settings.Executor}");
        AnsiConsole.MarkupLineInterpolated($"sweep folder: [bold]{folder.Directory}[/]");

        await SweepDataPreparation.PrepareAsync(plan, catalog, loggers.CreateLogger("sweep"), new SyncProgress<string>(Diagnostics.Note), cancellation);
        return await SweepLaunch.RunAsync(folder, definition, plan.Points, settings.Parallel ?? 1, cancellation);
    }
}
