using Microsoft.Win32.SafeHandles;

namespace MovinetExp.Native;

/// <summary>
/// The peak resident memory of a stretch of work (a training phase): a background thread samples the
/// process's resident size every few milliseconds, and <see cref="TakePeak"/> returns the highest value
/// since the previous call. Why not the kernel's own peak (VmHWM)? It can only be reset process-wide
/// (/proc/self/clear_refs), which would also reset what `time -v`, getrusage and CI memory reports give
/// as the process's peak. The sampler allocates nothing while it runs (one open /proc/self/statm read
/// into a fixed buffer), so it can never start a garbage collection in the middle of a LibTorch call
/// (see <see cref="NativeCallGate"/>). Peaks shorter than the interval can be missed; a training step's
/// activations live for the whole backward pass.
/// </summary>
public sealed class ResidentPeakSampler : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);

    private readonly SafeFileHandle? _statm;
    // One buffer per reading thread (pread at offset 0 needs no shared file position).
    private readonly byte[] _samplerBuffer = new byte[256];
    private readonly byte[] _callerBuffer = new byte[256];
    private readonly Thread? _thread;
    private volatile bool _stopping;
    private long _peak;

    private ResidentPeakSampler()
    {
        try
        {
            _statm = File.OpenHandle("/proc/self/statm");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _statm = null; // not Linux: peaks fall back to one reading per call
        }
        _peak = Read(_callerBuffer);
        if (_statm == null) return;
        _thread = new Thread(Run) { IsBackground = true, Name = "resident-peak-sampler" };
        _thread.Start();
    }

    public static ResidentPeakSampler Start() => new();

    /// <summary>The highest resident size (bytes) since the previous call (or the start), then starts a new stretch.</summary>
    public long TakePeak()
    {
        long now = Read(_callerBuffer);
        long peak = Math.Max(Interlocked.Exchange(ref _peak, now), now);
        return peak;
    }

    public void Dispose()
    {
        _stopping = true;
        _thread?.Join();
        _statm?.Dispose();
    }

    private void Run()
    {
        while (!_stopping)
        {
            long now = Read(_samplerBuffer);
            long seen = Interlocked.Read(ref _peak);
            while (now > seen)
            {
                long previous = Interlocked.CompareExchange(ref _peak, now, seen);
                if (previous == seen) break;
                seen = previous;
            }
            Thread.Sleep(Interval);
        }
    }

    /// <summary>Resident bytes: statm's second field (pages); without /proc, the runtime's working set.</summary>
    private long Read(byte[] buffer)
    {
        if (_statm == null) return Environment.WorkingSet;
        int length = RandomAccess.Read(_statm, buffer, 0);
        int i = 0;
        while (i < length && buffer[i] != ' ') i++; // skip the total size
        long pages = 0;
        for (i++; i < length && buffer[i] is >= (byte)'0' and <= (byte)'9'; i++) pages = pages * 10 + (buffer[i] - '0');
        return pages * Environment.SystemPageSize;
    }
}
