using System.ComponentModel;
using System.Diagnostics;
using MovinetExp.Common;

namespace MovinetExp.Sweeps;

/// <summary>Runs a scheduler command (sbatch, squeue, sacct) and returns its exit code and output.</summary>
public static class ExternalCommand
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>A missing program is a usage error naming it and saying what is needed (exit 2), never a crash.</summary>
    /// <exception cref="UsageException">The program is not on PATH, or did not finish within <paramref name="timeout"/>.</exception>
    public static Result Run(string program, IEnumerable<string> arguments, TimeSpan timeout, string whenMissing)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in arguments) start.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new UsageException($"`{program}` cannot be started ({e.Message}). {whenMissing}", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new UsageException($"`{program} {string.Join(' ', start.ArgumentList)}` did not answer within {timeout.TotalSeconds:0} s; " +
                    "is the Slurm controller reachable (`scontrol ping`)?");
            }
            process.WaitForExit();
            return new Result(process.ExitCode, output.Result, error.Result);
        }
    }
}
