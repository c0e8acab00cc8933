using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using MovinetExp.Checkpoints.Format;
using MovinetExp.Common;
using MovinetExp.Tests.Data.Remote;
using MovinetExp.Tests.Specs;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Cli;

/// <summary>
/// `checkpoint fetch` against local servers that misbehave: a hung server (timeouts, bounded retries,
/// exit 3), an HTML page instead of the archive (not cached), a file that differs from the first
/// download or from the catalogue's pin (refused, exit 4).
/// </summary>
public class CheckpointFetchCommandTests
{
    private const string ArchiveName = "movinet_a0_base.tar.gz";

    [Fact]
    public void AServerThatNeverAnswersEndsWithExit3WithinTheConfiguredTimeouts()
    {
        using var server = new SilentServer();
        string folder = TestPaths.NewScratchFolder("cli-fetch-silent");
        string catalog = Catalogue(folder, server.Url, quickTimeouts: true);

        var result = CliProcess.Run(TimeSpan.FromSeconds(40), folder, "checkpoint", "fetch", "a0", "--catalog", catalog);

        Assert.True(result.ExitCode == 3, $"exit code {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        Assert.Contains(server.Url.ToString(), result.Unwrapped);
        Assert.Contains("no data for 0.5 s", result.Unwrapped);
        Assert.Contains("(2 attempts", result.Unwrapped);
        Assert.Equal(2, server.ConnectionsAfterWaitingFor(2, TimeSpan.FromSeconds(5)));
        Assert.DoesNotContain("   at ", result.Unwrapped);
    }

    [Fact]
    public void AnHtmlPageIsNotCachedAndTheNextFetchDownloadsTheArchive()
    {
        string folder = TestPaths.NewScratchFolder("cli-fetch-html");
        using var server = new LoopbackFileServer(Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>Sign in to continue</body></html>"));
        string catalog = Catalogue(folder, server.Url);
        string cached = Path.Combine(folder, "cache", "checkpoints", ArchiveName);

        var page = CliProcess.Run(folder, "checkpoint", "fetch", "a0", "--catalog", catalog);

        Assert.True(page.ExitCode == 4, $"exit code {page.ExitCode}\n{page.StandardOutput}\n{page.StandardError}");
        Assert.Contains(cached, page.Unwrapped.Replace(" ", ""));
        Assert.Contains("removed from the cache", page.Unwrapped);
        Assert.Contains("it starts with \"<!DOCTYPE html>", page.Unwrapped);
        Assert.False(File.Exists(cached), "the HTML page stayed in the cache");
        Assert.False(File.Exists(cached + ".sha256"), "the HTML page's digest stayed recorded");

        byte[] archive = CheckpointArchive(folder, 1f);
        server.Content = archive;
        var fetched = CliProcess.Run(folder, "checkpoint", "fetch", "a0", "--catalog", catalog);

        Assert.True(fetched.ExitCode == 0, $"exit code {fetched.ExitCode}\n{fetched.StandardOutput}\n{fetched.StandardError}");
        Assert.Equal(archive, File.ReadAllBytes(cached));
        Assert.Contains($"archivesha256:{FileHashes.Sha256(archive)}", fetched.Unwrapped.Replace(" ", ""));
    }

    [Fact]
    public void TheFirstDownloadsDigestIsRecordedAndALaterDifferentFileIsRefused()
    {
        string folder = TestPaths.NewScratchFolder("cli-fetch-tofu");
        byte[] first = CheckpointArchive(folder, 1f), other = CheckpointArchive(folder, 2f);
        using var server = new LoopbackFileServer(first);
        string catalog = Catalogue(folder, server.Url);
        string cached = Path.Combine(folder, "cache", "checkpoints", ArchiveName);

        var fetched = CliProcess.Run(folder, "checkpoint", "fetch", "a0", "--catalog", catalog);
        Assert.True(fetched.ExitCode == 0, $"exit code {fetched.ExitCode}\n{fetched.StandardOutput}\n{fetched.StandardError}");
        Assert.Contains($"archivesha256:{FileHashes.Sha256(first)}", fetched.Unwrapped.Replace(" ", ""));
        Assert.Contains("first download: recorded in", fetched.Unwrapped);

        // The cached archive goes (a cache clean-up), its recorded digest stays; the server now sends another file.
        File.Delete(cached);
        server.Content = other;
        var refused = CliProcess.Run(folder, "checkpoint", "fetch", "a0", "--catalog", catalog);

        Assert.True(refused.ExitCode == 4, $"exit code {refused.ExitCode}\n{refused.StandardOutput}\n{refused.StandardError}");
        string text = refused.Unwrapped.Replace(" ", "");
        Assert.Contains(cached, text);
        Assert.Contains(FileHashes.Sha256(first), text);
        Assert.Contains(FileHashes.Sha256(other), text);
        Assert.False(File.Exists(cached), "the differing file was kept in the cache");

        // The file back as it was first downloaded: accepted again, and checked against the record.
        server.Content = first;
        var again = CliProcess.Run(folder, "checkpoint", "fetch", "a0", "--catalog", catalog);
        Assert.True(again.ExitCode == 0, $"exit code {again.ExitCode}\n{again.StandardOutput}\n{again.StandardError}");
        Assert.Contains("matches the digest recorded on first download", again.Unwrapped);
    }

    [Fact]
    public void APinnedDigestInTheCatalogueIsChecked()
    {
        string folder = TestPaths.NewScratchFolder("cli-fetch-pinned");
        byte[] served = CheckpointArchive(folder, 1f), pinned = CheckpointArchive(folder, 2f);
        using var server = new LoopbackFileServer(served);
        string catalog = Catalogue(folder, server.Url, sha256: FileHashes.Sha256(pinned));
        string cached = Path.Combine(folder, "cache", "checkpoints", ArchiveName);

        var refused = CliProcess.Run(folder, "checkpoint", "fetch", "a0", "--catalog", catalog);

        Assert.True(refused.ExitCode == 4, $"exit code {refused.ExitCode}\n{refused.StandardOutput}\n{refused.StandardError}");
        Assert.Contains(FileHashes.Sha256(pinned), refused.Unwrapped.Replace(" ", ""));
        Assert.False(File.Exists(cached));

        server.Content = pinned;
        var fetched = CliProcess.Run(folder, "checkpoint", "fetch", "a0", "--catalog", catalog);
        Assert.True(fetched.ExitCode == 0, $"exit code {fetched.ExitCode}\n{fetched.StandardOutput}\n{fetched.StandardError}");
        Assert.Contains("matches the catalogue's pinned sha256", fetched.Unwrapped);
    }

    /// <summary>The shipped catalogue with a0/base pointing at <paramref name="url"/>, with short download timeouts when asked
    /// (only where the server never answers: on a busy machine a working local server can take longer than half a second).</summary>
    private static string Catalogue(string folder, Uri url, string? sha256 = null, bool quickTimeouts = false)
    {
        JsonObject json = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoFiles.Root, "tool.json")))!.AsObject();
        json["checkpoints"]!["a0"]!["base"]!["url"] = url.ToString();
        json["checkpoints"]!["a0"]!["base"]!["sha256"] = sha256;
        if (quickTimeouts) json["download"] = new JsonObject
        {
            ["connect_timeout_seconds"] = 2,
            ["read_timeout_seconds"] = 0.5,
            ["attempts"] = 2,
            ["retry_delay_seconds"] = 0.1,
        };
        string file = Path.Combine(folder, "tool.json");
        File.WriteAllText(file, json.ToJsonString());
        return file;
    }

    /// <summary>A released-checkpoint-shaped archive (movinet_a0_base/ckpt-1.*) holding one tensor of value <paramref name="value"/>.</summary>
    private static byte[] CheckpointArchive(string folder, float value)
    {
        string prefix = Path.Combine(folder, $"made-{value}", "movinet_a0_base", "ckpt-1");
        using (var writer = new TensorBundleWriter(prefix))
        {
            writer.AddFloat32("w", [1], [value]);
            writer.Finish();
        }
        var bytes = new MemoryStream();
        using (var gzip = new GZipStream(bytes, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip))
            foreach (string file in new[] { BundleFileNames.IndexPath(prefix), BundleFileNames.DataPath(prefix, 0, 1) })
                tar.WriteEntry(file, "movinet_a0_base/" + Path.GetFileName(file));
        return bytes.ToArray();
    }
}
