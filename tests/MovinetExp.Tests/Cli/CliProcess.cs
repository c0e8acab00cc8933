using System.Diagnostics;

namespace MovinetExp.Tests.Cli;

/// <summary>The result of one run of the command-line tool: exit code and both output streams.</summary>
internal sealed record CliResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Both streams, with Spectre.Console's line wrapping (80 columns when redirected) undone: every run of
    /// white space is one space, since a wrapped line keeps its trailing blank.</summary>
    public string Unwrapped => System.Text.RegularExpressions.Regex.Replace(StandardOutput + "\n" + StandardError, @"\s+", " ");
}

/// <summary>
/// Runs the real `movinet` executable (built beside the test assembly through the project reference) as
/// a child process, so exit codes and error printing are tested exactly as users and CI see them.
/// </summary>
internal static class CliProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static CliResult Run(string workingDirectory, params string[] arguments) => Run(Timeout, workingDirectory, arguments);

    /// <summary>Runs the tool, failing the test when it has not finished within <paramref name="timeout"/>.</summary>
    public static CliResult Run(TimeSpan timeout, string workingDirectory, params string[] arguments) =>
        Run(workingDirectory, timeout, new Dictionary<string, string?>(), arguments);

    /// <summary>Runs the tool with <paramref name="environment"/> set (null removes a variable) on top of
    /// this process's environment.</summary>
    public static CliResult Run(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?> environment,
        params string[] arguments)
    {
        using var running = Start(workingDirectory, environment, arguments);
        return running.WaitForExit(timeout);
    }

    /// <summary>Starts the tool without waiting for it, for tests that signal it or run a second one beside it.</summary>
    public static RunningCli Start(string workingDirectory, params string[] arguments) => Start(workingDirectory, null, arguments);

    /// <param name="environment">Extra environment variables for the child.</param>
    public static RunningCli Start(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "movinet.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: the test project should reference MovinetExp.Cli");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        // Keep the child off the network and out of the user's cache.
        start.Environment["MOVINET_CACHE"] = Path.Combine(workingDirectory, "cache");
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>()) start.Environment[name] = value;

        return new RunningCli(Process.Start(start)!, arguments);
    }
}

/// <summary>A started `movinet` process; disposing it kills the process if it is still running.</summary>
internal sealed class RunningCli : IDisposable
{
    private readonly Process _process;
    private readonly string[] _arguments;
    private readonly Task<string> _output;
    private readonly Task<string> _error;

    public RunningCli(Process process, string[] arguments)
    {
        _process = process;
        _arguments = arguments;
        _output = process.StandardOutput.ReadToEndAsync();
        _error = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The tool's own process id (`dotnet movinet.dll` runs the tool in the dotnet host process).</summary>
    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Waits for the end; fails the test (and kills the process) when it takes longer than <paramref name="limit"/>.</summary>
    public CliResult WaitForExit(TimeSpan limit)
    {
        if (!_process.WaitForExit(limit))
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"movinet {string.Join(' ', _arguments)} did not finish within {limit.TotalSeconds} s");
        }
        _process.WaitForExit(); // the output readers finish too
        return new CliResult(_process.ExitCode, _output.Result, _error.Result);
    }

    /// <summary>Output so far is not available while running; this says what it printed once it has ended.</summary>
    public string Describe() => _process.HasExited ? $"exit code {_process.ExitCode}\n{_output.Result}\n{_error.Result}" : "still running";

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
