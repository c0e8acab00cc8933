using Microsoft.Extensions.Logging;

namespace MovinetExp.Experiments;

/// <summary>Sends each message to the run's log file and to the host's logger (the console, at warning level).</summary>
internal sealed class CompositeLogger(params ILogger[] targets) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => targets.Any(t => t.IsEnabled(logLevel));

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        foreach (var target in targets) target.Log(logLevel, eventId, state, exception, formatter);
    }
}
