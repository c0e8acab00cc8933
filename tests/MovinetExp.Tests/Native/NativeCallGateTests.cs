using MovinetExp.Native;

namespace MovinetExp.Tests.Native;

[CollectionDefinition(nameof(NativeCallGateTests), DisableParallelization = true)]
public class NativeCallGateCollection;

/// <summary>The gate is process-wide, so these run alone (no loader tests at the same time).</summary>
[Collection(nameof(NativeCallGateTests))]
public class NativeCallGateTests
{
    private static readonly TimeSpan Blocked = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    private static Task Worker() => Task.Run(() =>
    {
        NativeCallGate.WorkerEnter();
        NativeCallGate.WorkerExit();
    });

    [Fact]
    public void WorkersWaitWhileTheConsumerIsInABatch()
    {
        NativeCallGate.ConsumerEnter();
        Task worker;
        try
        {
            worker = Worker();
            Assert.False(worker.Wait(Blocked));
        }
        finally
        {
            NativeCallGate.ConsumerExit();
        }
        Assert.True(worker.Wait(Soon));
    }

    [Fact]
    public void TheConsumerWaitsForAWorkerAlreadyAllocating()
    {
        NativeCallGate.WorkerEnter();
        var consumer = Task.Run(() =>
        {
            NativeCallGate.ConsumerEnter();
            NativeCallGate.ConsumerExit();
        });
        Assert.False(consumer.Wait(Blocked));
        NativeCallGate.WorkerExit();
        Assert.True(consumer.Wait(Soon));
    }

    [Fact]
    public void WaitingForDataOpensTheGateEvenInsideAnotherBatch()
    {
        // A loader enumerated while another loader's batch is processed must still get its data.
        NativeCallGate.ConsumerEnter();
        Task blocked;
        try
        {
            using (NativeCallGate.ConsumerWaiting())
                Assert.True(Worker().Wait(Soon));
            blocked = Worker();
            Assert.False(blocked.Wait(Blocked)); // closed again after the wait
        }
        finally
        {
            NativeCallGate.ConsumerExit();
        }
        Assert.True(blocked.Wait(Soon));
    }
}
