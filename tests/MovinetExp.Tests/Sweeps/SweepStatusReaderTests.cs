using MovinetExp.Sweeps;
using MovinetExp.Tests.Support;
using MovinetExp.Runs;

namespace MovinetExp.Tests.Sweeps;

/// <summary>How a point's state follows from its run folder and Slurm's view of its task.</summary>
public sealed class SweepStatusReaderTests : IDisposable
{
    private readonly string _root = TestPaths.NewScratchFolder("sweep-status");
    private readonly SweepFolder _folder;
    private readonly SweepDefinition _definition;

    public SweepStatusReaderTests()
    {
        var points = SweepGrid.Expand([GridAxis.Parse("seed=1,2,3,4,5,6,7")], "x");
        _definition = new SweepDefinition("x", "/spec.yaml", [], [GridAxis.Parse("seed=1,2,3,4,5,6,7")], points, _root, null,
            SweepExecutors.Slurm, ["movinet"], "test", "test", DateTime.UtcNow, new SlurmOptions(1, "10:00"));
        _folder = SweepFolder.Create(_root, _definition, []);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void RunFoldersAndSlurmStatesGiveEachPointItsState()
    {
        var p = _definition.Points;
        // 0: completed run (Slurm says nothing any more); 1: running task; 2: queued, never started;
        // 3: back in the queue after it had started; 4: Slurm says TIMEOUT; 5: left the queue with a killed run
        // (status running, lock free) and no accounting; 6: never submitted.
        RunFolder.CreateAt(_folder.RunDirectory(p[0])).WriteStatus(RunState.Completed, 1);
        RunFolder.CreateAt(_folder.RunDirectory(p[1])).WriteStatus(RunState.Running, 1);
        RunFolder.CreateAt(_folder.RunDirectory(p[3])).WriteStatus(RunState.Running, 2);
        RunFolder.CreateAt(_folder.RunDirectory(p[4])).WriteStatus(RunState.Interrupted, 3);
        RunFolder.CreateAt(_folder.RunDirectory(p[5])).WriteStatus(RunState.Running, 1);
        var job = new SlurmSubmission("7", [0, 1, 2, 3, 4, 5], DateTime.UtcNow);
        var tasks = new Dictionary<int, SchedulerTask>
        {
            [1] = new("7_1", "RUNNING", null, "node1", false),
            [2] = new("7_2", "PENDING", "Resources", null, false),
            [3] = new("7_3", "PENDING", "BeginTime", null, false),
            [4] = new("7_4", "TIMEOUT", null, "node2", false),
        };
        var view = new SchedulerView(tasks, Enumerable.Range(0, 6).ToDictionary(i => i, _ => job), "no sacct");

        var status = SweepStatusReader.Read(_folder, _definition, view);

        Assert.Equal([SweepPointState.Done, SweepPointState.Running, SweepPointState.Pending, SweepPointState.Requeued,
            SweepPointState.Failed, SweepPointState.Failed, SweepPointState.Failed], status.Select(s => s.State));
        Assert.Contains("Slurm RUNNING on node1", status[1].Detail);
        Assert.Equal("queued (Resources)", status[2].Detail);
        Assert.Contains("Slurm TIMEOUT", status[4].Detail);
        Assert.Contains("logs/slurm-7_4.out", status[4].Detail);
        Assert.Contains("killed", status[5].Detail);
        Assert.Contains("never submitted", status[6].Detail);
        Assert.Equal("7_3", status[3].SlurmTask);
    }

    [Fact]
    public void WithoutASchedulerAPointWithoutARunFolderIsPending()
    {
        var status = SweepStatusReader.Read(_folder, _definition with { Executor = SweepExecutors.Local }, null);
        Assert.All(status, s => Assert.Equal(SweepPointState.Pending, s.State));
    }
}
