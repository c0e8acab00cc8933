using System.Text;

namespace MovinetExp.IO;

/// <summary>
/// Writes a file so that readers see either the old content or the complete new content, never a half-written
/// file: write a temporary file beside the target, flush it to disk, then rename it over the target
/// (rename within one folder is atomic on POSIX file systems). A crash mid-run therefore never corrupts a report.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Atomically replaces <paramref name="path"/> with UTF-8 text (no byte-order mark).</summary>
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Utf8NoBom.GetBytes(text));

    /// <summary>Atomically replaces <paramref name="path"/> with <paramref name="bytes"/>.</summary>
    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));

    /// <summary>Atomically replaces <paramref name="path"/> with whatever <paramref name="write"/> puts in the stream.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        string temp = WriteTemp(path, write);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>
    /// Atomically creates <paramref name="path"/> only if it does not exist yet; returns false (and leaves the
    /// existing file alone) if it does. Used to claim a name that another process may be claiming at the same time.
    /// </summary>
    public static bool TryCreate(string path, byte[] bytes)
    {
        string temp = WriteTemp(path, stream => stream.Write(bytes));
        try
        {
            File.Move(temp, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            return false;
        }
    }

    private static string WriteTemp(string path, Action<Stream> write)
    {
        // A dot-prefixed unique name in the same folder: same file system (so rename is atomic), hidden from listings.
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            write(stream);
            stream.Flush(flushToDisk: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        return temp;
    }
}
