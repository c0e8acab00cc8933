using System.Globalization;
using MovinetExp.Common;

namespace MovinetExp.Runs;

/// <summary>
/// One writer per run folder: the process that runs or resumes a run holds an exclusive OS lock on the folder's
/// run.lock (flock, taken by opening it with <see cref="FileShare.None"/>) for the whole run. The kernel releases
/// the lock when the process ends however it ends (exception, SIGKILL, OOM kill), so a free lock reliably means
/// no live writer, which a recorded pid cannot tell (containers reuse small pids and host names). A second
/// writer is refused with exit code 2, naming the holder from status.json. The file is never deleted (deleting a
/// lock file races with the next process opening it); its text (pid, host, start) is for people only, as the
/// lock keeps other processes' readers out while it is held.
/// </summary>
public sealed class RunLock : IDisposable
{
    // IsFree probes hold the lock for an instant; a writer retries for this long before calling the folder busy.
    private const int Attempts = 5;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly FileStream _stream;

    private RunLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the run's lock for this process, until <see cref="Dispose"/> or the process ends.</summary>
    /// <exception cref="UsageException">Another live process holds it (exit code 2).</exception>
    public static RunLock Acquire(RunFolder run)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                var stream = new FileStream(run.LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                try
                {
                    stream.SetLength(0);
                    stream.Write(System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                        $"pid {ProcessIdentity.Pid} host {ProcessIdentity.Host} process started {ProcessIdentity.StartedUtc:yyyy-MM-ddTHH:mm:ssZ}\n")));
                    stream.Flush();
                }
                catch
                {
                    stream.Dispose();
                    throw;
                }
                return new RunLock(stream);
            }
            catch (IOException e) when (IsLockedByAnother(e))
            {
                if (attempt < Attempts)
                {
                    Thread.Sleep(RetryDelay);
                    continue;
                }
                throw Busy(run);
            }
        }
    }

    /// <summary>
    /// True when no process holds the run's lock (nor can: a folder without run.lock predates locking or was
    /// never started). False while a writer holds it, and when it cannot be probed (no read access), so that
    /// a folder is never called abandoned on a guess.
    /// </summary>
    public static bool IsFree(RunFolder run)
    {
        try
        {
            using var probe = new FileStream(run.LockFile, FileMode.Open, FileAccess.Read, FileShare.None);
            return true;
        }
        catch (FileNotFoundException)
        {
            return true;
        }
        catch (IOException e) when (IsLockedByAnother(e))
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Dispose() => _stream.Dispose();

    // .NET reports a refused lock as an IOException carrying the OS error: flock's EWOULDBLOCK on Linux
    // (errno 11), ERROR_SHARING_VIOLATION (32, as an HRESULT) on Windows.
    private const int LinuxWouldBlock = 11;
    private const int WindowsSharingViolation = unchecked((int)0x80070020);

    private static bool IsLockedByAnother(IOException e) =>
        e.GetType() == typeof(IOException) && (OperatingSystem.IsLinux() ? e.HResult == LinuxWouldBlock : e.HResult == WindowsSharingViolation);

    private static UsageException Busy(RunFolder run)
    {
        string holder;
        try
        {
            var status = run.ReadStatus();
            string epoch = status.LastCompletedEpoch is int last ? $"last finished epoch {last}" : "no epoch finished yet";
            holder = $"{status.Writer} holds its lock (status {EnumNames.Of(status.State)}, {epoch}, updated {status.UpdatedUtc:yyyy-MM-ddTHH:mm:ssZ})";
        }
        catch (DataException)
        {
            holder = "another process holds its lock";
        }
        return new UsageException(
            $"Run folder '{run.Directory}' is in use: {holder}. Two processes must not write one run. Wait for that run to end, " +
            $"or stop it (Ctrl+C or SIGTERM: it stops after the current step and marks the run interrupted), then `dotnet movinet run --resume {run.Directory}`.");
    }
}
