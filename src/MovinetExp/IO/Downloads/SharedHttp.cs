using System.Collections.Concurrent;

namespace MovinetExp.IO.Downloads;

/// <summary>One HttpClient per connect timeout for the process: HttpClient is meant to be reused, and a new one per request exhausts sockets.</summary>
internal static class SharedHttp
{
    private static readonly ConcurrentDictionary<TimeSpan, HttpClient> ByConnectTimeout = new();

    /// <summary>The client with the default connect timeout; its overall timeout only backs up callers' own read timeouts.</summary>
    public static HttpClient Client => For(DownloadSettings.Default.ConnectTimeout);

    /// <summary>A client whose connections give up after <paramref name="connectTimeout"/>.</summary>
    public static HttpClient For(TimeSpan connectTimeout) => ByConnectTimeout.GetOrAdd(connectTimeout, Create);

    private static HttpClient Create(TimeSpan connectTimeout)
    {
        var handler = new SocketsHttpHandler { ConnectTimeout = connectTimeout };
        var client = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("movinet-exp/0.1");
        return client;
    }
}
