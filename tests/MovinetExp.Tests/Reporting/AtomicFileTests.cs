using MovinetExp.Tests.Support;
using MovinetExp.IO;

namespace MovinetExp.Tests.Reporting;

public class AtomicFileTests
{
    [Fact]
    public void WriteAllText_ReplacesContent_WithoutBomOrLeftovers()
    {
        string dir = TestPaths.NewScratchFolder("atomic");
        string path = Path.Combine(dir, "f.txt");
        AtomicFile.WriteAllText(path, "first, longer content");
        AtomicFile.WriteAllText(path, "é");

        Assert.Equal(new byte[] { 0xC3, 0xA9 }, File.ReadAllBytes(path));
        Assert.Equal(["f.txt"], Directory.GetFiles(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void TryCreate_DoesNotOverwrite()
    {
        string dir = TestPaths.NewScratchFolder("atomic");
        string path = Path.Combine(dir, "claim");
        Assert.True(AtomicFile.TryCreate(path, [1]));
        Assert.False(AtomicFile.TryCreate(path, [2]));
        Assert.Equal(new byte[] { 1 }, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(dir));
    }

    [Fact]
    public void FailedWrite_KeepsOldContent_AndRemovesTemp()
    {
        string dir = TestPaths.NewScratchFolder("atomic");
        string path = Path.Combine(dir, "f.txt");
        AtomicFile.WriteAllText(path, "old");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
        {
            s.WriteByte(1);
            throw new InvalidOperationException("simulated failure mid-write");
        }));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir));
    }
}
