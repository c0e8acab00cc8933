namespace MovinetExp.Native;

/// <summary>
/// Keeps background loader threads from allocating managed memory while the consumer thread works in
/// LibTorch on a batch. Why: TorchSharp wraps every temporary (a <c>Scalar</c> made from a double, a
/// tensor in a method chain) in an object with a finaliser, and in optimised code that object is
/// unreachable while the native call that uses it is still running. A garbage collection started by
/// another thread's allocation at that moment lets the finaliser free the native object mid-call:
/// intermittent crashes ("Expected false to be true" in Scalar::toDouble during Adam's step, segfaults
/// in copy_impl), reproduced within seconds by a stress loop. Collections started by the consumer's own
/// allocations are safe (it is then between native calls), so the loader's decoding, by far the
/// largest allocator, runs only while the consumer is waiting for data. Costs the overlap of decoding
/// with computing; a warm clip cache or Motion-JPEG decoding keep that small.
/// The gate alone did not suffice (other threads allocate too: the console logger, timers): the library
/// now passes LibTorch no temporary Scalar at all (Numerics.Scalars, our own optimisers, checked on the
/// compiled code by Architecture/TemporaryScalarTests). The gate stays as a second line for what
/// TorchSharp does out of our sight (autograd nodes of custom functions, its own internals).
/// </summary>
public static class NativeCallGate
{
    private static readonly object Sync = new();
    private static int _consumerDepth;
    private static int _activeWorkers;

    /// <summary>The consumer starts working on a batch: waits for workers' allocations in flight, then holds new ones off.</summary>
    public static void ConsumerEnter()
    {
        lock (Sync)
        {
            _consumerDepth++;
            while (_activeWorkers > 0) Monitor.Wait(Sync);
        }
    }

    /// <summary>The consumer is done with its batch.</summary>
    public static void ConsumerExit()
    {
        lock (Sync)
        {
            _consumerDepth = Math.Max(0, _consumerDepth - 1);
            Monitor.PulseAll(Sync);
        }
    }

    /// <summary>
    /// Opens the gate while the consumer waits for data (it is not in native code then), whatever batch
    /// processing it is nested in, so that a loader enumerated inside another's batch cannot deadlock.
    /// </summary>
    public static IDisposable ConsumerWaiting()
    {
        int saved;
        lock (Sync)
        {
            saved = _consumerDepth;
            _consumerDepth = 0;
            Monitor.PulseAll(Sync);
        }
        return new Reclose(saved);
    }

    /// <summary>A worker is about to allocate: waits while the consumer is in native work.</summary>
    public static void WorkerEnter()
    {
        lock (Sync)
        {
            while (_consumerDepth > 0) Monitor.Wait(Sync);
            _activeWorkers++;
        }
    }

    public static void WorkerExit()
    {
        lock (Sync)
        {
            _activeWorkers--;
            Monitor.PulseAll(Sync);
        }
    }

    private sealed class Reclose(int depth) : IDisposable
    {
        private bool _done;

        public void Dispose()
        {
            if (_done) return;
            _done = true;
            lock (Sync)
            {
                _consumerDepth += depth;
                while (_consumerDepth > 0 && _activeWorkers > 0) Monitor.Wait(Sync);
            }
        }
    }
}
