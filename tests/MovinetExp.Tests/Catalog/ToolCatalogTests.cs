using System.Text.Json.Nodes;
using MovinetExp.Catalog;
using MovinetExp.Common;
using MovinetExp.Models;
using MovinetExp.Tests.Specs;
using MovinetExp.Tests.Support;
using MovinetExp.IO.Downloads;

namespace MovinetExp.Tests.Catalog;

public class ToolCatalogTests
{
    private static readonly string Shipped = Path.Combine(RepoFiles.Root, "tool.json");
    private const string Home = "/home/tester";

    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => name == "HOME" ? Home : vars.FirstOrDefault(v => v.Name == name).Value;

    /// <summary>Writes the shipped catalogue, changed by <paramref name="edit"/>, to a scratch file.</summary>
    private static string Edited(Action<JsonObject> edit)
    {
        JsonObject json = JsonNode.Parse(File.ReadAllText(Shipped))!.AsObject();
        edit(json);
        string file = Path.Combine(TestPaths.NewScratchFolder("catalog"), "tool.json");
        File.WriteAllText(file, json.ToJsonString());
        return file;
    }

    private static string Fails(string? file) =>
        Assert.Throws<UsageException>(() => ToolCatalog.Load(file, Env())).Message;

    [Fact]
    public void ShippedCatalogueHasEveryReleasedCheckpoint()
    {
        ToolCatalog catalog = ToolCatalog.Load(Shipped, Env());

        Assert.Equal("/home/tester/.cache/movinet-exp", catalog.CacheFolder);
        Assert.Equal("https://storage.googleapis.com/thumos14_files/UCF101_videos.zip", catalog.DatasetUrl("ucf101"));
        foreach (ModelId id in Enum.GetValues<ModelId>())
        foreach (MovinetVariant variant in Enum.GetValues<MovinetVariant>())
        {
            // File names from the architecture notes, section 11: movinet_aX_{base|stream}.tar.gz.
            string file = $"movinet_a{(int)id}_{(variant == MovinetVariant.Base ? "base" : "stream")}.tar.gz";
            CheckpointEntry entry = catalog.Checkpoint(id, variant);
            Assert.Equal(file, entry.File);
            Assert.Equal("https://storage.googleapis.com/tf_model_garden/vision/movinet/" + file, entry.Url);
            Assert.Null(entry.Sha256);
        }
    }

    [Fact]
    public void MovinetCatalogVariableSelectsTheFile()
    {
        string file = Edited(j => j["cache_folder"] = "/srv/cache");
        ToolCatalog catalog = ToolCatalog.Load(null, Env((ToolCatalog.PathVariable, file)));
        Assert.Equal(file, catalog.SourcePath);
        Assert.Equal("/srv/cache", catalog.CacheFolder);
    }

    [Fact]
    public void DefaultIsTheFileNextToTheAssembly()
    {
        string expected = Path.Combine(AppContext.BaseDirectory, "tool.json");
        // Whether the build copied tool.json into the test output decides which outcome is right.
        if (File.Exists(expected))
            Assert.Equal(expected, ToolCatalog.Load(null, Env()).SourcePath);
        else
            Assert.StartsWith(expected + ": cannot read the tool catalogue", Fails(null));
    }

    [Fact]
    public void EveryBadEntryIsReportedAtOnceWithItsKey()
    {
        string file = Edited(j =>
        {
            j["checkpoints"]!["a3"]!["stream"]!["url"] = "ftp://example.org/movinet_a3_stream.tar.gz";
            j["checkpoints"]!["a1"]!["base"]!["file"] = "movinet_a1_base.zip";
            j["checkpoints"]!["a2"]!["base"]!["sha256"] = "abc";
            j["checkpoints"]!["a5"]!.AsObject().Remove("stream");
            j["checkpoints"]!.AsObject().Remove("a4");
            j["checkpoints"]!["a6"] = new JsonObject();
            j["datasets"]!["ucf101"]!["url"] = "storage.googleapis.com/x.zip";
            j["cache_foldr"] = "x";
        });
        string message = Fails(file);

        Assert.StartsWith($"{file}: 8 problems in the tool catalogue:", message);
        Assert.Contains($"{file}: cache_foldr: unknown key 'cache_foldr'\n  hint: did you mean 'cache_folder'?", message.Replace("\r", ""));
        Assert.Contains($"{file}: datasets.ucf101.url: expected an absolute http(s) URL, got \"storage.googleapis.com/x.zip\"", message);
        Assert.Contains($"{file}: checkpoints.a6: unknown key 'a6'", message);
        Assert.Contains($"{file}: checkpoints.a1.base.file: expected a file name ending in .tar.gz (no folders), got \"movinet_a1_base.zip\"", message);
        Assert.Contains($"{file}: checkpoints.a2.base.sha256: expected null or 64 lowercase hex digits, got \"abc\"", message);
        Assert.Contains($"{file}: checkpoints.a3.stream.url: expected an absolute http(s) URL, got \"ftp://example.org/movinet_a3_stream.tar.gz\"", message);
        Assert.Contains($"{file}: checkpoints.a4: missing", message);
        Assert.Contains($"{file}: checkpoints.a5.stream: missing", message);
    }

    [Fact]
    public void DownloadTimeoutsAndAttemptsAreReadAndChecked()
    {
        Assert.Equal(new MovinetExp.IO.Downloads.DownloadSettings(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), 3, TimeSpan.FromSeconds(1)),
            ToolCatalog.Load(Shipped, Env()).Download);
        var quick = ToolCatalog.Load(Edited(j => j["download"] = new JsonObject { ["read_timeout_seconds"] = 0.5, ["attempts"] = 1 }), Env()).Download;
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500), 1), (quick.ConnectTimeout, quick.ReadTimeout, quick.Attempts));

        string file = Edited(j => j["download"] = new JsonObject { ["attempts"] = 0, ["read_timeout_seconds"] = "60", ["retries"] = 2 });
        string message = Fails(file);
        Assert.Contains($"{file}: download.attempts: expected a whole number between 1 and 100, got 0", message);
        Assert.Contains($"{file}: download.read_timeout_seconds: expected a number between 0.01 and 300, got \"60\"", message);
        Assert.Contains($"{file}: download.retries: unknown key 'retries'", message);
    }

    [Fact]
    public void APinnedHashIsKept()
    {
        string sha = new string('0', 63) + "f";
        string file = Edited(j => j["checkpoints"]!["a0"]!["base"]!["sha256"] = sha);
        Assert.Equal(sha, ToolCatalog.Load(file, Env()).Checkpoint(ModelId.A0, MovinetVariant.Base).Sha256);
    }

    [Fact]
    public void MissingUcf101AndWrongShapesAreReported()
    {
        string message = Fails(Edited(j =>
        {
            j["datasets"]!.AsObject().Remove("ucf101");
            j["cache_folder"] = 5;
        }));
        Assert.Contains(": datasets.ucf101: missing", message);
        Assert.Contains(": cache_folder: expected a non-empty string, got number", message);
    }

    [Fact]
    public void InvalidJsonNamesTheLine()
    {
        string file = Path.Combine(TestPaths.NewScratchFolder("catalog"), "tool.json");
        File.WriteAllText(file, "{\n  \"cache_folder\": \"~/.cache\",\n  \"datasets\": {\n}}}\n");
        Assert.StartsWith($"{file}:4:3: the tool catalogue is not valid JSON", Fails(file));
    }

    [Fact]
    public void UnknownDatasetIsAUserError()
    {
        ToolCatalog catalog = ToolCatalog.Load(Shipped, Env());
        var e = Assert.Throws<UsageException>(() => catalog.DatasetUrl("kinetics"));
        Assert.Contains("datasets.kinetics: not in the tool catalogue", e.Message);
    }
}
