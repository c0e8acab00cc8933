using System.Xml.Linq;
using MovinetExp.Common;
using MovinetExp.Reporting;
using MovinetExp.Tests.Cli;
using MovinetExp.Tests.Support;
using MovinetExp.IO;
using MovinetExp.Runs;

namespace MovinetExp.Tests.Sweeps;

/// <summary>
/// `sweep --executor local` end to end with the real tool as a child process: each point a normal run in
/// &lt;sweep&gt;/&lt;experiment&gt;/&lt;point&gt;, the summary files, per-point and sweep-wide expectations as the exit code,
/// and a killed point that shows as failed and completes after `sweep resume`.
/// </summary>
[Collection(CliRunsCollection.Name)]
public class LocalSweepTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(480);

    [Fact]
    public void EveryPointRunsInItsOwnRunFolderAndTheSummaryHasItsAccuracyAndGate()
    {
        string folder = SweepFolders.NewSpecFolder("sweep-local");
        try
        {
            // Point expectations differ by grid value: a loss below 100 holds, one below 1e-6 cannot.
            var result = CliProcess.Run(Limit, folder, "sweep", "spec.yaml", "--grid", "expect.max_test_loss=100,0.000001",
                "--expect-all", "test_accuracy=0", "--parallel", "2", "--runs", "runs");

            CliFixtures.AssertExit(ExitCodes.ExpectationFailed, result);
            string sweep = SweepFolders.SweepOf(folder);
            CliFixtures.AssertContains($"sweep folder: {sweep}", result.StandardOutput);
            CliFixtures.AssertContains("1 did not meet their expectations of 2 points", result.StandardError);

            foreach (string point in new[] { "max_test_loss-100", "max_test_loss-0.000001" })
            {
                var run = SweepFolders.Run(sweep, point);
                Assert.Equal(RunState.Completed, run.ReadStatus().State);
                Assert.True(File.Exists(run.ReportHtml));
                // --expect-all reached every point, beside its own expectation.
                Assert.Equal(["test_accuracy", "max_test_loss"], MetricsReader.Read(run.MetricsJson).Expectations.Select(c => c.Name));
                // Two points at once on this machine's cores: each got its share of the threads.
                Assert.Contains($"threads: {Math.Max(1, Environment.ProcessorCount / 2)}", File.ReadAllText(run.SpecResolvedYaml));
                Assert.True(File.Exists(Path.Combine(sweep, "logs", point + ".log")));
                // What ran is the spec the sweep validated, kept beside the summary.
                Assert.Contains("max_test_loss:", File.ReadAllText(Path.Combine(sweep, "specs", point + ".yaml")));
            }

            var csv = Csv.Parse(File.ReadAllText(Path.Combine(sweep, "sweep.csv")));
            Assert.Equal(["point", "expect.max_test_loss", "state", "test_accuracy", "expectations", "seconds", "detail", "run"], csv[0]);
            Assert.Equal(["max_test_loss-100", "100", "done"], csv[1][..3]);
            Assert.Equal("pass", csv[1][4]);
            Assert.Equal("FAIL", csv[2][4]);
            Assert.All(csv.Skip(1), row => Assert.InRange(double.Parse(row[3], System.Globalization.CultureInfo.InvariantCulture), 0, 1));

            // The HTML summary parses as XML and links each row to the run's report.
            var html = XDocument.Parse(File.ReadAllText(Path.Combine(sweep, "sweep.html")).Replace("<!DOCTYPE html>", ""));
            var links = html.Descendants("a").Select(a => a.Attribute("href")!.Value).ToList();
            Assert.Equal(["tiny-sweep/max_test_loss-100/report.html", "tiny-sweep/max_test_loss-0.000001/report.html"], links);
            Assert.All(links, link => Assert.True(File.Exists(Path.Combine(sweep, link)), link));

            var (collect, points) = SweepFolders.Json(folder, "collect", sweep);
            CliFixtures.AssertExit(ExitCodes.ExpectationFailed, collect);
            Assert.Equal("done", points["max_test_loss-100"].State());
            Assert.True(points["max_test_loss-100"].GetProperty("expectations_passed").GetBoolean());
            Assert.False(points["max_test_loss-0.000001"].GetProperty("expectations_passed").GetBoolean());
            Assert.InRange(points["max_test_loss-100"].GetProperty("test_accuracy").GetDouble(), 0, 1);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void InvalidPointsAreRefusedTogetherBeforeAnythingIsCreated()
    {
        string folder = SweepFolders.NewSpecFolder("sweep-invalid");
        try
        {
            var result = CliProcess.Run(folder, "sweep", "spec.yaml", "--grid", "train.lr=abc,0.001", "--grid", "model.id=a0,a9", "--runs", "runs");

            CliFixtures.AssertExit(ExitCodes.UsageOrSpec, result);
            CliFixtures.AssertContains("3 of 4 sweep points are invalid; nothing was started", result.StandardError);
            CliFixtures.AssertContains("got \"abc\"", result.StandardError);
            CliFixtures.AssertContains("a9", result.StandardError);
            Assert.DoesNotContain("   at ", result.StandardError);
            Assert.False(Directory.Exists(Path.Combine(folder, "runs")));

            var mixed = CliProcess.Run(folder, "sweep", "spec.yaml", "--grid", "train.lr=1,2", "--parallel", "2", "--executor", "slurm");
            CliFixtures.AssertExit(ExitCodes.UsageOrSpec, mixed);
            CliFixtures.AssertContains("--parallel is an option of --executor local", mixed.StandardError);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AKilledPointShowsAsFailedAndCompletesAfterSweepResume()
    {
        string folder = SweepFolders.NewSpecFolder("sweep-kill", epochs: 4, trainPerClass: 8);
        try
        {
            using var sweepProcess = CliProcess.Start(folder, "sweep", "spec.yaml", "--grid", "train.lr=0.001", "--runs", "runs");
            string sweep = WaitForSweep(folder, sweepProcess);
            string runDirectory = Path.Combine(sweep, "tiny-sweep", "lr-0.001");
            var running = SweepFolders.WaitForEpoch(runDirectory, Limit);

            PosixSignals.Send(running.Pid!.Value, PosixSignals.SigKill); // the point's process, not the sweep's
            var ended = sweepProcess.WaitForExit(Limit);

            CliFixtures.AssertExit(ExitCodes.ExpectationFailed, ended);
            var (status, points) = SweepFolders.Json(folder, "status", sweep);
            CliFixtures.AssertExit(ExitCodes.Success, status);
            Assert.Equal("failed", points["lr-0.001"].State());
            Assert.Contains("killed", points["lr-0.001"].GetProperty("detail").GetString());

            var resumed = CliProcess.Run(Limit, folder, "sweep", "resume", sweep);

            CliFixtures.AssertExit(ExitCodes.Success, resumed);
            var run = SweepFolders.Run(sweep, "lr-0.001");
            Assert.Equal(RunState.Completed, run.ReadStatus().State);
            Assert.Equal([1, 2, 3, 4], HistoryLog.Read(run.HistoryCsv).Select(r => r.Epoch));
            Assert.Contains("stale run", File.ReadAllText(run.LogTxt)); // resumed, not started again
            var (collect, after) = SweepFolders.Json(folder, "collect", sweep);
            CliFixtures.AssertExit(ExitCodes.Success, collect);
            Assert.Equal("done", after["lr-0.001"].State());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string WaitForSweep(string folder, RunningCli process)
    {
        var deadline = DateTime.UtcNow + Limit;
        string sweeps = Path.Combine(folder, "runs", "sweeps");
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, "the sweep ended early: " + process.Describe());
            if (Directory.Exists(sweeps) && Directory.GetDirectories(sweeps).SingleOrDefault() is { } sweep) return sweep;
            Thread.Sleep(100);
        }
        Assert.Fail("no sweep folder appeared");
        return null!;
    }
}
