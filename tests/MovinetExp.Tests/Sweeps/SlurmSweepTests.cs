using MovinetExp.Common;
using MovinetExp.Reporting;
using MovinetExp.Sweeps;
using MovinetExp.Tests.Cli;
using MovinetExp.Runs;

namespace MovinetExp.Tests.Sweeps;

/// <summary>
/// `sweep --executor slurm` against a real single-node Slurm on this machine (<see cref="SlurmCluster"/>): a
/// 3-point job array of tiny synthetic runs collected from the tasks' run folders and squeue, and a cancelled
/// task that shows as failed and completes after `sweep resume` resubmits it.
/// </summary>
[Collection(CliRunsCollection.Name)]
public class SlurmSweepTests(SlurmCluster slurm) : IClassFixture<SlurmCluster>
{
    // Generous: a shared machine can be slow; the tests themselves take about 40 s and 60 s.
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(300);

    [SlurmFact]
    public void AThreePointArrayRunsOnSlurmAndCollectsEveryAccuracy()
    {
        slurm.AssertReady();
        string folder = SweepFolders.NewSpecFolder("sweep-slurm");
        try
        {
            var submitted = CliProcess.Run(folder, "sweep", "spec.yaml", "--grid", "train.lr=0.001,0.003,0.01", "--executor", "slurm",
                "--cpus-per-task", "1", "--time", "10:00", "--runs", "runs");

            CliFixtures.AssertExit(ExitCodes.Success, submitted);
            CliFixtures.AssertContains("submitted Slurm job", submitted.StandardOutput);
            string sweep = SweepFolders.SweepOf(folder);
            string script = File.ReadAllText(Path.Combine(sweep, "slurm", "sweep.sbatch"));
            Assert.Contains("#SBATCH --cpus-per-task=1", script);
            Assert.Contains("#SBATCH --time=10:00", script);
            // The nodes start the very build that planned the sweep: this dotnet host and movinet.dll by absolute path.
            Assert.Contains($"'{Path.Combine(AppContext.BaseDirectory, "movinet.dll")}' sweep task '{sweep}' \"${{SLURM_ARRAY_TASK_ID}}\"", script);
            var job = SweepFolder.Open(sweep).ReadSubmissions().Single();
            Assert.Equal([0, 1, 2], job.Indices);

            var (collected, points) = SweepFolders.Json(folder, "collect", sweep, "--wait", "--poll", "2", "--timeout", "280");

            CliFixtures.AssertExit(ExitCodes.Success, collected);
            Assert.Equal(3, points.Count);
            foreach (var (name, point) in points)
            {
                Assert.Equal("done", point.State());
                Assert.InRange(point.GetProperty("test_accuracy").GetDouble(), 0, 1);
                Assert.StartsWith(job.JobId + "_", point.GetProperty("slurm_task").GetString());
                var run = SweepFolders.Run(sweep, name);
                Assert.Equal(RunState.Completed, run.ReadStatus().State);
                // --cpus-per-task 1: the point trained with one thread, not one per core of the node.
                Assert.Contains("threads: 1", File.ReadAllText(run.SpecResolvedYaml));
                Assert.True(File.Exists(Path.Combine(sweep, "logs", $"slurm-{point.GetProperty("slurm_task").GetString()}.out")));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SlurmFact]
    public void ACancelledTaskShowsAsFailedAndCompletesAfterSweepResume()
    {
        slurm.AssertReady();
        string folder = SweepFolders.NewSpecFolder("sweep-slurm-kill", epochs: 4, trainPerClass: 8);
        try
        {
            var submitted = CliProcess.Run(folder, "sweep", "spec.yaml", "--grid", "train.lr=0.001", "--executor", "slurm",
                "--cpus-per-task", "1", "--time", "10:00", "--runs", "runs");
            CliFixtures.AssertExit(ExitCodes.Success, submitted);
            string sweep = SweepFolders.SweepOf(folder);
            var job = SweepFolder.Open(sweep).ReadSubmissions().Single();
            SweepFolders.WaitForEpoch(Path.Combine(sweep, "tiny-sweep", "lr-0.001"), Limit);

            var cancel = ExternalCommand.Run("scancel", [job.TaskId(0)], TimeSpan.FromSeconds(30), "");
            Assert.True(cancel.ExitCode == 0, cancel.Error);
            var failed = WaitForState(folder, sweep, "lr-0.001", "failed");
            Assert.Equal("failed", failed.State());

            Assert.Contains("interrupted", failed.GetProperty("detail").GetString());
            var resumed = CliProcess.Run(folder, "sweep", "resume", sweep);
            CliFixtures.AssertExit(ExitCodes.Success, resumed);
            CliFixtures.AssertContains("submitted Slurm job", resumed.StandardOutput);
            Assert.Equal(2, SweepFolder.Open(sweep).ReadSubmissions().Count);

            var (collected, points) = SweepFolders.Json(folder, "collect", sweep, "--wait", "--poll", "2", "--timeout", "280");

            CliFixtures.AssertExit(ExitCodes.Success, collected);
            Assert.Equal("done", points["lr-0.001"].State());
            var run = SweepFolders.Run(sweep, "lr-0.001");
            Assert.Equal([1, 2, 3, 4], HistoryLog.Read(run.HistoryCsv).Select(r => r.Epoch));
            Assert.Contains("resumed after epoch", File.ReadAllText(run.LogTxt));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static System.Text.Json.JsonElement WaitForState(string folder, string sweep, string point, string state)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (true)
        {
            var (_, points) = SweepFolders.Json(folder, "status", sweep);
            if (points[point].State() == state || DateTime.UtcNow > deadline) return points[point];
            Thread.Sleep(1000);
        }
    }
}
