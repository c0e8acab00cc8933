using System.IO.Compression;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Data.Remote;

/// <summary>
/// A UCF101-shaped zip built from the shared real clips: each of the 10 ucf101 classes appears under
/// <c>UCF101/&lt;Class&gt;/v_&lt;Class&gt;_gGG_cCC.ext</c> in three groups, plus the other clips as extra
/// classes, so two small classes are a small fraction of the archive. Entries alternate between
/// stored and deflate so both methods are exercised. Built once per test class (xunit fixture).
/// </summary>
public sealed class TestVideoZip : IDisposable
{
    public TestVideoZip()
    {
        _folder = TestPaths.NewScratchFolder("testzip");
        Path = System.IO.Path.Combine(_folder, "UCF101_videos.zip");
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var zip = ZipFile.Open(Path, ZipArchiveMode.Create))
        {
            int n = 0;
            foreach (string classDir in Directory.GetDirectories(System.IO.Path.Combine(TestPaths.Videos, "ucf101")).Order(StringComparer.Ordinal))
            {
                string cls = System.IO.Path.GetFileName(classDir);
                var clips = Directory.GetFiles(classDir).Order(StringComparer.Ordinal).ToList();
                for (int g = 1; g <= 3; g++)
                    for (int c = 0; c < clips.Count; c++)
                        sources[$"UCF101/{cls}/v_{cls}_g{g:00}_c{c + 1:00}{System.IO.Path.GetExtension(clips[c])}"] = clips[c];
            }
            foreach (string dir in Directory.GetDirectories(System.IO.Path.Combine(TestPaths.Videos, "other")).Order(StringComparer.Ordinal))
                foreach (string clip in Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    sources[$"UCF101/Other{System.IO.Path.GetFileName(dir)}/{System.IO.Path.GetFileName(clip)}"] = clip;
            foreach (var (name, source) in sources)
                zip.CreateEntryFromFile(source, name, n++ % 2 == 0 ? CompressionLevel.NoCompression : CompressionLevel.Fastest);
        }
        Sources = sources;
        Bytes = File.ReadAllBytes(Path);
    }

    private readonly string _folder;

    public string Path { get; }
    public byte[] Bytes { get; }

    /// <summary>Entry name to the original clip it was copied from.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; }

    /// <summary>The zip is ~60 MB; scratch folders are otherwise kept, so this one is removed.</summary>
    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
