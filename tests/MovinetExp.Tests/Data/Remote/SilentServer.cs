using System.Net;
using System.Net.Sockets;

namespace MovinetExp.Tests.Data.Remote;

/// <summary>
/// A server on 127.0.0.1 that accepts every connection and never sends a byte: what a hung web server
/// or a broken proxy looks like to a client. Counts the connections, so tests can check the retries.
/// </summary>
internal sealed class SilentServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _clients = [];
    private readonly CancellationTokenSource _stop = new();

    public SilentServer()
    {
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/movinet_a0_base.tar.gz");
        _ = Task.Run(AcceptLoopAsync);
    }

    public Uri Url { get; }

    public int Connections
    {
        get { lock (_clients) return _clients.Count; }
    }

    /// <summary>The number of connections once it reached <paramref name="expected"/> or <paramref name="timeout"/> passed
    /// (accepting runs on the thread pool, which may lag behind a client that already gave up).</summary>
    public int ConnectionsAfterWaitingFor(int expected, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (Connections < expected && clock.Elapsed < timeout) Thread.Sleep(20);
        return Connections;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_clients) foreach (var client in _clients) client.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_clients) _clients.Add(client); // kept open, never answered
            }
            catch (Exception)
            {
                return;
            }
        }
    }
}
