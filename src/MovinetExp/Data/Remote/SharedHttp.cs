namespace MovinetExp.Data.Remote;

/// <summary>One HttpClient for the process: HttpClient is meant to be reused, and a new one per request exhausts sockets.</summary>
internal static class SharedHttp
{
    public static HttpClient Client { get; } = Create();

    private static HttpClient Create()
    {
        var client = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("movinet-exp/0.1");
        return client;
    }
}
