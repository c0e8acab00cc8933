using System.IO.Compression;
using System.Text;
using MovinetExp.Data.Remote;

namespace MovinetExp.Tests.Data.Remote;

public class Crc32Tests
{
    [Fact]
    public void MatchesTheStandardCheckValue()
    {
        // The CRC-32 catalogue's check value for "123456789".
        Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(0u, Crc32.Compute([]));
    }

    [Fact]
    public void AppendingInPiecesEqualsOneShotAndMatchesZipArchive()
    {
        byte[] data = Enumerable.Range(0, 5000).Select(i => (byte)(i * 31 ^ i >> 3)).ToArray();
        var crc = new Crc32();
        crc.Append(data.AsSpan(0, 1234));
        crc.Append(data.AsSpan(1234));
        Assert.Equal(Crc32.Compute(data), crc.Value);

        var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = zip.CreateEntry("x").Open())
            entry.Write(data);
        memory.Position = 0;
        using var read = new ZipArchive(memory, ZipArchiveMode.Read);
        Assert.Equal(read.Entries[0].Crc32, crc.Value);
    }
}
