namespace MovinetExp.Data.Remote;

/// <summary>
/// Random access to the bytes of one file, remote (<see cref="HttpRangeReader"/>) or on local disk
/// (<see cref="LocalFileRangeReader"/>), so <see cref="RemoteZip"/> lists and extracts a zip the same way
/// wherever it lies. Every failure is a <see cref="Common.DataException"/> naming <see cref="Name"/>.
/// </summary>
public interface IByteRangeReader
{
    /// <summary>The file as the user named it (URL or path), for messages.</summary>
    string Name { get; }

    /// <summary>Total length of the file in bytes.</summary>
    Task<long> GetLengthAsync(CancellationToken ct = default);

    /// <summary>Reads exactly <paramref name="length"/> bytes at <paramref name="offset"/>.</summary>
    Task<byte[]> ReadAsync(long offset, int length, CancellationToken ct = default);

    /// <summary>
    /// Copies <paramref name="length"/> bytes at <paramref name="offset"/> into <paramref name="destination"/>.
    /// Bytes already written stay written when the transfer fails, which is what lets callers resume.
    /// </summary>
    /// <param name="progress">Receives the number of bytes copied so far by this call.</param>
    Task CopyRangeToAsync(long offset, long length, Stream destination, IProgress<long>? progress = null, CancellationToken ct = default);
}
