using MovinetExp.Common;
using MovinetExp.Reporting;
using MovinetExp.Tests.Support;
using MovinetExp.Runs;

namespace MovinetExp.Tests.Reporting;

public class RunFolderTests
{
    private static readonly DateTime When = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    [Fact]
    public void Create_NamesFolderByUtcTimeAndHashPrefix_AndMarksItRunning()
    {
        string root = TestPaths.NewScratchFolder("runs");

        RunFolder run = RunFolder.Create(root, "ucf10", "ABCDEF1234567890", When);

        Assert.Equal(Path.Combine(root, "ucf10", "20260102-030405-abcdef12"), run.Directory);
        Assert.Equal("20260102-030405-abcdef12", run.Name);
        Assert.Equal("ucf10", run.ExperimentName);
        Assert.True(Directory.Exists(run.CheckpointsDirectory));
        Assert.True(Directory.Exists(run.ModelDirectory));
        RunStatus status = run.ReadStatus();
        Assert.Equal(RunState.Running, status.State);
        Assert.Null(status.LastCompletedEpoch);
    }

    [Fact]
    public void Create_NeverReusesAFolder_AddsNumberedSuffix()
    {
        string root = TestPaths.NewScratchFolder("runs");
        RunFolder first = RunFolder.Create(root, "exp", "0123456789", When);
        first.WriteStatus(RunState.Completed, 5);

        RunFolder second = RunFolder.Create(root, "exp", "0123456789", When);
        RunFolder third = RunFolder.Create(root, "exp", "0123456789", When);

        Assert.Equal("20260102-030405-01234567-2", second.Name);
        Assert.Equal("20260102-030405-01234567-3", third.Name);
        Assert.Equal(RunState.Completed, first.ReadStatus().State); // the first run was not touched
    }

    [Fact]
    public void Create_ConvertsLocalTimeToUtc()
    {
        string root = TestPaths.NewScratchFolder("runs");
        RunFolder run = RunFolder.Create(root, "exp", "feedbeef", When.ToLocalTime());
        Assert.StartsWith("20260102-030405-", run.Name);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("has space")]
    public void Create_RejectsExperimentNamesThatAreNotOneFolderName(string name)
    {
        var ex = Assert.Throws<UsageException>(() => RunFolder.Create(TestPaths.NewScratchFolder("runs"), name, "abc", When));
        Assert.Contains(name, ex.Message);
    }

    [Fact]
    public void StatusTransitions_RoundTrip_AndLeaveNoTempFiles()
    {
        RunFolder run = RunFolder.Create(TestPaths.NewScratchFolder("runs"), "exp", "abc", When);
        run.WriteStatus(RunState.Running, 2);
        run.WriteStatus(RunState.Failed, 3, "out of memory");

        RunStatus status = RunFolder.Open(run.Directory).ReadStatus();

        Assert.Equal(RunState.Failed, status.State);
        Assert.Equal(3, status.LastCompletedEpoch);
        Assert.Equal("out of memory", status.Message);
        Assert.Contains("\"state\": \"failed\"", File.ReadAllText(run.StatusJson));
        Assert.Empty(Directory.GetFiles(run.Directory, "*.tmp"));
    }

    [Fact]
    public void CorruptStatus_IsADataErrorNamingTheFile()
    {
        RunFolder run = RunFolder.Create(TestPaths.NewScratchFolder("runs"), "exp", "abc", When);
        File.WriteAllText(run.StatusJson, "{\"state\": \"exploded\"}");
        var ex = Assert.Throws<DataException>(() => run.ReadStatus());
        Assert.Contains(run.StatusJson, ex.Message);
    }

    [Fact]
    public void Open_RejectsMissingAndNonRunFolders()
    {
        string root = TestPaths.NewScratchFolder("runs");
        Assert.Throws<UsageException>(() => RunFolder.Open(Path.Combine(root, "nope")));
        Assert.Throws<UsageException>(() => RunFolder.Open(root)); // exists, but has no status.json
    }

    [Fact]
    public void WellKnownPaths_AreInsideTheFolder()
    {
        RunFolder run = RunFolder.Create(TestPaths.NewScratchFolder("runs"), "exp", "abc", When);
        string[] names =
        [
            run.SpecResolvedYaml, run.EnvironmentJson, run.HistoryCsv, run.MetricsJson, run.ConfusionMatrixCsv,
            run.ConfusionMatrixPng, run.TrainingCurvesPng, run.ReportHtml, run.LogTxt, run.LabelsTxt,
            run.DataFilesCsv, run.SkippedFilesCsv, run.StatusJson, run.ComparisonJson, run.CheckpointsDirectory, run.ModelDirectory,
            run.LockFile,
        ];
        Assert.All(names, p => Assert.Equal(run.Directory, Path.GetDirectoryName(p)));
        Assert.Equal(
            ["spec.resolved.yaml", "environment.json", "history.csv", "metrics.json", "confusion_matrix.csv", "confusion_matrix.png",
             "training_curves.png", "report.html", "log.txt", "labels.txt", "data_files.csv", "skipped_files.csv", "status.json",
             "comparison.json", "checkpoints", "model", "run.lock"],
            names.Select(Path.GetFileName));
    }
}
