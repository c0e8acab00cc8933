using System.Runtime.InteropServices;
using MovinetExp.Common;
using MovinetExp.Native;

namespace MovinetExp.Cli.Infrastructure;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM (CI cancellation, `timeout`, docker stop, Kubernetes, systemd) ask the running
/// command to stop at the next safe point: a run marks itself interrupted, keeps finished epochs and exits
/// 128 + the signal's number (130 for SIGINT, 143 for SIGTERM), as a shell reports a process ended by that
/// signal. A second signal ends the process at once (the default action), for a step that does not return.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private const string InterruptMessage = "Ctrl+C: stopping after the current step (press Ctrl+C again to abort at once)...";
    private const string TerminateMessage = "SIGTERM: stopping after the current step (send SIGTERM again to abort at once)...";

    private readonly CancellationTokenSource _cts = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _exitCode;
    private string _message = "";

    private Interruption()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Request(context, ExitCodes.Interrupted, InterruptMessage)),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Request(context, ExitCodes.Terminated, TerminateMessage)),
        ];
    }

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _cts.Token;

    public static Interruption Install() => new();

    /// <summary>
    /// The process's exit code: a command that ended as interrupted (<see cref="ExitCodes.Interrupted"/>)
    /// after SIGTERM exits <see cref="ExitCodes.Terminated"/>; any other code is kept.
    /// </summary>
    public int ExitCode(int commandExitCode)
    {
        int signalled = Volatile.Read(ref _exitCode);
        return commandExitCode == ExitCodes.Interrupted && signalled != 0 ? signalled : commandExitCode;
    }

    private void Request(PosixSignalContext context, int exitCode, string message)
    {
        // A signal after the first one keeps its default action: the process ends now.
        if (Interlocked.CompareExchange(ref _exitCode, exitCode, 0) != 0) return;
        context.Cancel = true;
        _message = message;
        // Printing and cancelling allocate (the token's callbacks run on the cancelling thread), and a
        // collection started on another thread during a LibTorch call can free TorchSharp temporaries in use:
        // done on a pool thread that waits for the training thread to be between native calls (NativeCallGate),
        // so the signal thread stays free to deliver a second signal.
        ThreadPool.UnsafeQueueUserWorkItem(static self => self.CancelBetweenNativeCalls(), this, preferLocal: false);
    }

    private void CancelBetweenNativeCalls()
    {
        NativeCallGate.WorkerEnter();
        try
        {
            Console.Error.WriteLine(_message);
            _cts.Cancel();
        }
        finally
        {
            NativeCallGate.WorkerExit();
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _cts.Dispose();
    }
}
