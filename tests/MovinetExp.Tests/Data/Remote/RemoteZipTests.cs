using MovinetExp.IO.Downloads;
using System.Buffers.Binary;
using System.IO.Compression;
using MovinetExp.Common;
using MovinetExp.Data.Remote;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Data.Remote;

public class RemoteZipTests(TestVideoZip testZip) : IClassFixture<TestVideoZip>
{
    [Fact]
    public async Task ListsTheSameEntriesAsZipArchive()
    {
        using var server = new LoopbackFileServer(testZip.Bytes);
        var zip = await RemoteZip.OpenAsync(new HttpRangeReader(server.Url));

        using var archive = ZipFile.OpenRead(testZip.Path);
        Assert.Equal(archive.Entries.Select(e => e.FullName), zip.Entries.Select(e => e.Name));
        foreach (var (expected, actual) in archive.Entries.Zip(zip.Entries))
        {
            Assert.Equal(expected.Length, actual.UncompressedSize);
            Assert.Equal(expected.CompressedLength, actual.CompressedSize);
            Assert.Equal(expected.Crc32, actual.Crc32);
        }
        Assert.Contains(zip.Entries, e => e.Method == 0);
        Assert.Contains(zip.Entries, e => e.Method == 8);
        // Listing reads only the tail and the central directory.
        Assert.True(server.BodyBytesSent < 100_000, $"listing sent {server.BodyBytesSent} bytes");
    }

    [Fact]
    public async Task ExtractsStoredAndDeflatedEntriesByteIdentical()
    {
        using var server = new LoopbackFileServer(testZip.Bytes);
        var zip = await RemoteZip.OpenAsync(new HttpRangeReader(server.Url));
        string target = TestPaths.NewScratchFolder("rzip");
        foreach (var entry in new[] { zip.Entries.First(e => e.Method == 0), zip.Entries.First(e => e.Method == 8) })
        {
            string path = await zip.ExtractAsync(entry, target);
            Assert.Equal(Path.Combine(target, entry.Name), path);
            Assert.Equal(FileHashes.Sha256(testZip.Sources[entry.Name]), FileHashes.Sha256(path));
            Assert.False(File.Exists(path + ".part"));
        }
    }

    [Fact]
    public async Task ReusesAnExtractedFileWithoutDownloadingAgain()
    {
        using var server = new LoopbackFileServer(testZip.Bytes);
        var zip = await RemoteZip.OpenAsync(new HttpRangeReader(server.Url));
        string target = TestPaths.NewScratchFolder("rzip");
        var entry = zip.Entries.First(e => e.UncompressedSize > 100_000);
        await zip.ExtractAsync(entry, target);
        long afterFirst = server.BodyBytesSent;
        await zip.ExtractAsync(entry, target);
        Assert.Equal(afterFirst, server.BodyBytesSent);
    }

    [Fact]
    public async Task APartialEntryResumesFromItsPartFile()
    {
        using var server = new LoopbackFileServer(testZip.Bytes);
        // One attempt: the drop ends the extraction (as a failure past the retries would), and the next one resumes.
        var zip = await RemoteZip.OpenAsync(new HttpRangeReader(server.Url, settings: DownloadSettings.Default with { Attempts = 1 }));
        var entry = zip.Entries.MaxBy(e => e.CompressedSize)!;
        string target = TestPaths.NewScratchFolder("rzip");
        long before = server.BodyBytesSent;

        server.DropConnectionAfter(30 + entry.CompressedSize / 2);
        await Assert.ThrowsAsync<DataException>(() => zip.ExtractAsync(entry, target));
        long partLength = new FileInfo(Path.Combine(target, entry.Name) + ".part").Length;
        Assert.InRange(partLength, 1, entry.CompressedSize - 1);

        string path = await zip.ExtractAsync(entry, target);
        Assert.Equal(FileHashes.Sha256(testZip.Sources[entry.Name]), FileHashes.Sha256(path));
        // Two 30-byte local headers besides the data: nothing of the entry was fetched twice.
        Assert.Equal(entry.CompressedSize + 2 * 30, server.BodyBytesSent - before);
        var local = testZip.Bytes.AsSpan((int)entry.LocalHeaderOffset);
        long dataStart = entry.LocalHeaderOffset + 30 + BinaryPrimitives.ReadUInt16LittleEndian(local[26..]) + BinaryPrimitives.ReadUInt16LittleEndian(local[28..]);
        Assert.Equal($"bytes={dataStart + partLength}-{dataStart + entry.CompressedSize - 1}", server.RangeHeaders[^1]);
    }

    [Fact]
    public async Task ReadsZip64EndRecords()
    {
        // Rewrite the tail into ZIP64 form by hand (independent of the reader): ZIP64 EOCD record +
        // locator before an EOCD whose count, size and offset fields are all "see ZIP64".
        byte[] zip64 = ToZip64Tail(SmallZip(("a/one.avi", new byte[] { 1, 2, 3 }), ("a/two.avi", new byte[] { 4, 5 })));
        using var server = new LoopbackFileServer(zip64);
        var zip = await RemoteZip.OpenAsync(new HttpRangeReader(server.Url));
        Assert.Equal(["a/one.avi", "a/two.avi"], zip.Entries.Select(e => e.Name));
        string target = TestPaths.NewScratchFolder("zip64");
        string path = await zip.ExtractAsync(zip.Entries[1], target);
        Assert.Equal(new byte[] { 4, 5 }, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task RefusesAnEntryThatEscapesTheTargetFolder()
    {
        byte[] bytes = SmallZip(("../evil.avi", new byte[] { 6, 6, 6 }), ("UCF101/Good/v_Good_g01_c01.avi", new byte[] { 1 }));
        using var server = new LoopbackFileServer(bytes);
        var zip = await RemoteZip.OpenAsync(new HttpRangeReader(server.Url));
        string parent = TestPaths.NewScratchFolder("evil");
        string target = Path.Combine(parent, "cache");
        var ex = await Assert.ThrowsAsync<DataException>(() => zip.ExtractAsync(zip.Entries[0], target));
        Assert.Contains("'../evil.avi'", ex.Message);
        Assert.False(File.Exists(Path.Combine(parent, "evil.avi")));
        Assert.Equal(0, server.BodyBytesSent - ListingBytes(bytes)); // nothing of the entry was fetched
    }

    [Fact]
    public async Task ACorruptedEntryFailsItsCrcCheckAndLeavesNoFile()
    {
        byte[] bytes = SmallZip(("a/x.avi", Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray()));
        int dataStart = 30 + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(26)) + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(28));
        bytes[dataStart + 10] ^= 0xFF; // one flipped bit pattern inside the stored data
        using var server = new LoopbackFileServer(bytes);
        var zip = await RemoteZip.OpenAsync(new HttpRangeReader(server.Url));
        string target = TestPaths.NewScratchFolder("crc");
        var ex = await Assert.ThrowsAsync<DataException>(() => zip.ExtractAsync(zip.Entries[0], target));
        Assert.Contains("CRC-32", ex.Message);
        Assert.Empty(Directory.GetFiles(target, "*", SearchOption.AllDirectories));
    }

    /// <summary>Bytes the server sends to list a zip: everything from the tail search window on, plus the one-byte length probe.</summary>
    private static long ListingBytes(byte[] zip)
    {
        long tail = Math.Min(zip.Length, 22 + 0xFFFF + 20);
        int eocd = zip.Length - 22;
        long cdSize = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(eocd + 12));
        return 1 + tail + cdSize;
    }

    internal static byte[] SmallZip(params (string Name, byte[] Data)[] entries)
    {
        var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, data) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
                stream.Write(data);
            }
        return memory.ToArray();
    }

    private static byte[] ToZip64Tail(byte[] zip)
    {
        int eocd = zip.Length - 22;
        Assert.Equal(0x06054b50u, BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(eocd)));
        ushort count = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(eocd + 10));
        uint cdSize = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(eocd + 12));
        uint cdOffset = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(eocd + 16));

        var record = new byte[56];
        BinaryPrimitives.WriteUInt32LittleEndian(record, 0x06064b50);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(4), 44);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(12), 45);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(14), 45);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(24), count);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(32), count);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(40), cdSize);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(48), cdOffset);

        var locator = new byte[20];
        BinaryPrimitives.WriteUInt32LittleEndian(locator, 0x07064b50);
        BinaryPrimitives.WriteUInt64LittleEndian(locator.AsSpan(8), (ulong)eocd); // the record goes where the EOCD was
        BinaryPrimitives.WriteUInt32LittleEndian(locator.AsSpan(16), 1);

        byte[] end = zip[eocd..];
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(8), 0xFFFF);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(10), 0xFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(12), 0xFFFFFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(16), 0xFFFFFFFF);
        return [.. zip[..eocd], .. record, .. locator, .. end];
    }
}
