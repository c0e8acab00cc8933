namespace MovinetExp.Common;

/// <summary>
/// An IProgress that calls its handler on the reporting thread, in order. (System.Progress posts to the
/// thread pool, which can reorder a fast stream of step updates and outlive the work it describes.)
/// </summary>
public sealed class SyncProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}

/// <summary>Passes on at most one report per interval (plus the first), e.g. for byte counts of a download.</summary>
public sealed class ThrottledProgress<T>(IProgress<T> inner, TimeSpan interval) : IProgress<T>
{
    private long _lastTicks = long.MinValue;

    public void Report(T value)
    {
        long now = Environment.TickCount64;
        if (_lastTicks != long.MinValue && now - _lastTicks < interval.TotalMilliseconds) return;
        _lastTicks = now;
        inner.Report(value);
    }
}
