using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using MovinetExp.Benchmarks;
using MovinetExp.Cli.Infrastructure;
using MovinetExp.Common;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MovinetExp.Cli.Commands.Bench;

/// <summary>`bench`: loading, inference, training and streaming speed, printed as a table or one JSON object.</summary>
internal sealed class BenchCommand : Command<BenchCommand.Settings>
{
    public sealed class Settings : CatalogSettings
    {
        [CommandOption("--json")]
        [Description("Print one JSON object (field names in the README, section Performance)")]
        public bool Json { get; init; }

        [CommandOption("--threads <N>")]
        [Description("LibTorch threads and loader workers; 0 = one per core")]
        [DefaultValue(0)]
        public int Threads { get; init; }

        [CommandOption("--only <NAME>")]
        [Description("Run only these: load, infer, train-frozen, train-full, stream (repeatable)")]
        public string[] Only { get; init; } = [];

        [CommandOption("--repetitions <N>")]
        [Description("Timed repetitions per figure (at least 5)")]
        [DefaultValue(5)]
        public int Repetitions { get; init; } = 5;

        [CommandOption("--videos <DIR>")]
        [Description("Videos for the load benchmark (default: generated 320x240 videos)")]
        public string? Videos { get; init; }

        [CommandOption("--profile")]
        [Description("With load: also print where the cold load's time goes, per clip and stage (open, seek, grab, retrieve, convert, gate wait...)")]
        public bool Profile { get; init; }

        public override ValidationResult Validate() =>
            OptionChecks.First(Only.Select(name => ChoiceOption.Validate(name, "--only", BenchmarkRunner.Names)).ToArray());
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var catalog = settings.LoadCatalog();
        var options = new BenchmarkOptions(settings.Threads, settings.Only, settings.Repetitions, settings.Videos, catalog.CacheFolder, settings.Profile);
        var status = new SyncProgress<string>(Diagnostics.Note);
        var report = BenchmarkRunner.Run(options, status, cancellation);
        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
            return ExitCodes.Success;
        }
        var table = new Table().Title($"{Markup.Escape(report.CpuModel)}, {report.Threads} threads, TorchSharp {report.TorchSharpVersion}, LibTorch {report.LibTorchVersion}")
            .AddColumns("figure", "median", "min", "max", "unit", "peak RSS MB", "setup");
        foreach (var m in report.Measurements)
            table.AddRow(new Text(m.Name), new Text(F(m.Median)), new Text(F(m.Min)), new Text(F(m.Max)), new Text(m.Unit),
                new Text(F(m.PeakRssMb)), new Text(m.Setup));
        AnsiConsole.Write(table);
        if (report.LoadProfile is { } stages)
        {
            var breakdown = new Table().Title("cold load, per clip (summed over workers)").AddColumns("stage", "ms", "calls");
            foreach (var stage in stages) breakdown.AddRow(new Text(stage.Stage), new Text(F(stage.MsPerClip)), new Text(F(stage.CallsPerClip)));
            AnsiConsole.Write(breakdown);
        }
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"total {report.TotalSeconds:F0} s");
        return ExitCodes.Success;
    }

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
