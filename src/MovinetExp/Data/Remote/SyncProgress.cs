namespace MovinetExp.Data.Remote;

/// <summary>
/// An IProgress that calls its handler on the reporting thread. Progress&lt;T&gt; posts to a
/// synchronization context, so its reports can arrive after the work finished and out of order.
/// </summary>
internal sealed class SyncProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
