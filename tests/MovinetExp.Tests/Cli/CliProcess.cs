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
        foreach (var (name, value) in environment) start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"movinet {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds} s");
        }
        return new CliResult(process.ExitCode, output.Result, error.Result);
    }
}
