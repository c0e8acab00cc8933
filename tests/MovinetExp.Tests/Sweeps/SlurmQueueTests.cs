using MovinetExp.Sweeps;

namespace MovinetExp.Tests.Sweeps;

/// <summary>Reading squeue and sacct output, and the sweep's gate over point states.</summary>
public class SlurmQueueTests
{
    [Fact]
    public void SqueueLinesGiveEachArrayTaskItsStateReasonAndNode()
    {
        var tasks = SlurmQueue.ParseSqueue("12_0|RUNNING|None|node1\n12_1|PENDING|Resources|\n12_2|PENDING|BeginTime|\n13_4|PENDING|JobHeldAdmin,Requeued|(null)\n");

        Assert.True(tasks["12_0"].IsActive);
        Assert.Equal("node1", tasks["12_0"].Node);
        Assert.Null(tasks["12_0"].Detail);
        Assert.True(tasks["12_1"].IsQueued);
        Assert.Equal("Resources", tasks["12_1"].Detail);
        Assert.False(tasks["12_1"].Requeued);
        Assert.True(tasks["13_4"].Requeued);
        Assert.Null(tasks["13_4"].Node);
    }

    [Fact]
    public void SacctLinesKeepTheLastAttemptAndRememberRequeues()
    {
        var tasks = SlurmQueue.ParseSacct("""
            12_0|COMPLETED|0:0|node1
            12_1|NODE_FAIL|0:0|node2
            12_1|FAILED|1:0|node1
            12_2|CANCELLED by 0|0:15|node1
            12_[3-5]|PENDING|0:0|None assigned
            """);

        Assert.Equal("COMPLETED", tasks["12_0"].State);
        Assert.False(tasks["12_0"].Requeued);
        Assert.Equal("FAILED", tasks["12_1"].State);
        Assert.Equal("exit 1:0", tasks["12_1"].Detail);
        Assert.True(tasks["12_1"].Requeued);
        Assert.Equal("CANCELLED", tasks["12_2"].State);
        Assert.False(tasks.ContainsKey("12_[3-5]"));
    }

    [Fact]
    public void TheGatePassesOnlyWhenEveryPointIsDoneAndMetItsExpectations()
    {
        SweepPointStatus Point(int i, SweepPointState state, bool? passed = null) =>
            new(i, $"p{i}", [], state, "", state == SweepPointState.Done ? 0.9 : null, passed, null, $"x/p{i}", null);

        Assert.Equal(0, SweepGate.Judge([Point(0, SweepPointState.Done, true), Point(1, SweepPointState.Done)]).ExitCode);
        var (code, verdict) = SweepGate.Judge([Point(0, SweepPointState.Done, false), Point(1, SweepPointState.Failed), Point(2, SweepPointState.Running)]);
        Assert.Equal(1, code);
        Assert.Equal("1 failed, 1 did not meet their expectations, 1 not finished of 3 points", verdict);
    }
}
