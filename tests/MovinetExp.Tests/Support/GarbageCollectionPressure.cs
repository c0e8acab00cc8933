namespace MovinetExp.Tests.Support;

/// <summary>
/// Another thread that collects the youngest generation and runs the finalisers, without pause, until
/// disposed: the condition under which TorchSharp frees a temporary (a Scalar, a tensor outside a dispose
/// scope) while LibTorch still uses it. Young collections suffice: such temporaries are always young.
/// </summary>
public sealed class GarbageCollectionPressure : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _collections;

    public GarbageCollectionPressure()
    {
        _thread = new Thread(() =>
        {
            while (!_stop)
            {
                GC.Collect(0);
                GC.WaitForPendingFinalizers();
                Interlocked.Increment(ref _collections);
            }
        }) { IsBackground = true, Name = "gc-pressure" };
        _thread.Start();
    }

    /// <summary>Collections so far: a test asserts there were many, so it cannot pass without the pressure.</summary>
    public long Collections => Interlocked.Read(ref _collections);

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }
}
