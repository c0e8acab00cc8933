using System.Formats.Tar;
using System.IO.Compression;
using MovinetExp.Common;
using MovinetExp.Tests.Support;
using MovinetExp.IO.Archives;

namespace MovinetExp.Tests.Data.Remote;

public class SafeTarGzExtractorTests
{
    [Fact]
    public void ExtractsACheckpointShapedArchive()
    {
        string folder = TestPaths.NewScratchFolder("tar");
        byte[] index = [1, 2, 3, 4], data = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();
        string archive = WriteTarGz(folder, w =>
        {
            w.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "./"));
            w.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "./movinet_a0_base/"));
            w.WriteEntry(File("./movinet_a0_base/ckpt-1.index", index));
            w.WriteEntry(File("movinet_a0_base/ckpt-1.data-00000-of-00001", data));
        });
        string target = Path.Combine(folder, "out");

        var written = SafeTarGzExtractor.Extract(archive, target);

        Assert.Equal(2, written.Count);
        Assert.Equal(index, System.IO.File.ReadAllBytes(Path.Combine(target, "movinet_a0_base", "ckpt-1.index")));
        Assert.Equal(data, System.IO.File.ReadAllBytes(Path.Combine(target, "movinet_a0_base", "ckpt-1.data-00000-of-00001")));
        // No staging folder is left behind.
        Assert.Equal([Path.GetFileName(archive), "out"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    public static TheoryData<string, string> HostileEntries => new()
    {
        { "../x", "'../x'" },
        { "/tmp/absolute-x", "'/tmp/absolute-x'" },
        { "symlink", "symbolic link" },
        { "hardlink", "hard link" },
        { "device", "device" },
    };

    [Theory]
    [MemberData(nameof(HostileEntries))]
    public void RefusesHostileEntriesAndLeavesTheTargetUntouched(string kind, string expectedInMessage)
    {
        string folder = TestPaths.NewScratchFolder("tar");
        string archive = WriteTarGz(folder, w =>
        {
            w.WriteEntry(File("ok.txt", [1]));
            w.WriteEntry(kind switch
            {
                "symlink" => new PaxTarEntry(TarEntryType.SymbolicLink, "link") { LinkName = "/etc/passwd" },
                "hardlink" => new PaxTarEntry(TarEntryType.HardLink, "hard") { LinkName = "ok.txt" },
                "device" => new PaxTarEntry(TarEntryType.CharacterDevice, "dev"),
                _ => File(kind, [6, 6, 6]),
            });
        });
        string target = Path.Combine(folder, "out");

        var ex = Assert.Throws<DataException>(() => SafeTarGzExtractor.Extract(archive, target));

        Assert.Contains(expectedInMessage, ex.Message);
        Assert.Contains(archive, ex.Message);
        Assert.False(Directory.Exists(target));
        Assert.False(System.IO.File.Exists(Path.Combine(folder, "x")));
        Assert.Equal([Path.GetFileName(archive)], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void RefusesEntriesOverTheSizeCaps()
    {
        string folder = TestPaths.NewScratchFolder("tar");
        string archive = WriteTarGz(folder, w =>
        {
            w.WriteEntry(File("a.bin", new byte[60]));
            w.WriteEntry(File("b.bin", new byte[60]));
        });
        var perEntry = Assert.Throws<DataException>(() =>
            SafeTarGzExtractor.Extract(archive, Path.Combine(folder, "o1"), new TarExtractionLimits(MaxEntryBytes: 50)));
        Assert.Contains("'a.bin'", perEntry.Message);
        var total = Assert.Throws<DataException>(() =>
            SafeTarGzExtractor.Extract(archive, Path.Combine(folder, "o2"), new TarExtractionLimits(MaxTotalBytes: 100)));
        Assert.Contains("'b.bin'", total.Message);
    }

    [Fact]
    public void ACorruptArchiveIsADataException()
    {
        string folder = TestPaths.NewScratchFolder("tar");
        string archive = Path.Combine(folder, "bad.tar.gz");
        System.IO.File.WriteAllBytes(archive, [0x1f, 0x8b, 8, 0, 1, 2, 3]);
        var ex = Assert.Throws<DataException>(() => SafeTarGzExtractor.Extract(archive, Path.Combine(folder, "out")));
        Assert.Contains(archive, ex.Message);
    }

    private static PaxTarEntry File(string name, byte[] content) =>
        new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) };

    private static string WriteTarGz(string folder, Action<TarWriter> write)
    {
        string path = Path.Combine(folder, "archive.tar.gz");
        using var file = System.IO.File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var writer = new TarWriter(gzip, TarEntryFormat.Pax);
        write(writer);
        return path;
    }
}
