using System.Text;

namespace MovinetExp.Common;

/// <summary>
/// Reads the small text files a spec names (split lists, class indexes) only when they are regular
/// files. A mistaken path can name a device, a pipe or a /proc file (e.g. /proc/self/environ, the
/// process environment with its tokens): those report no size, produce anything when read, and their
/// content would end up quoted in messages, status.json and log.txt.
/// </summary>
public static class RegularFile
{
    /// <summary>The whole file as text (UTF-8 unless a byte order mark says otherwise).</summary>
    /// <param name="what">What the file is for messages, e.g. "List file".</param>
    /// <exception cref="DataException">The file is missing, empty, not a regular file, or changed while being read.</exception>
    public static string ReadAllText(string path, string what)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new DataException($"{what} '{path}' does not exist; check the path in the spec.");
        // Devices, pipes and /proc files all report size 0, and opening a pipe would wait for a writer:
        // such files are refused from their size alone, before they are opened.
        if (info.Length == 0)
            throw NotRegular(path, what);
        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            bytes = new byte[info.Length];
            int read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            // A regular file holds exactly its size; /sys files report 4096 whatever they hold.
            if (read != bytes.Length || stream.ReadByte() != -1) throw NotRegular(path, what);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException($"{what} '{path}' cannot be read: {e.Message}", e);
        }
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static DataException NotRegular(string path, string what) =>
        new($"{what} '{path}' is empty or not a regular file (devices, pipes and /proc or /sys files are not read); point the spec at a text file with one entry per line.");
}
