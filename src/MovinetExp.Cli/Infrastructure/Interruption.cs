namespace MovinetExp.Cli.Infrastructure;

/// <summary>
/// The first Ctrl+C asks the running command to stop at the next safe point (a run marks itself
/// interrupted, keeps finished epochs and exits 130); a second one ends the process at once.
/// </summary>
internal static class Interruption
{
    public static CancellationTokenSource Install()
    {
        var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            if (cts.IsCancellationRequested) return;
            e.Cancel = true;
            Console.Error.WriteLine("stopping after the current step (press Ctrl+C again to abort at once)...");
            cts.Cancel();
        };
        return cts;
    }
}
