using MovinetExp.Catalog;
using MovinetExp.Experiments;
using MovinetExp.Specs;
using MovinetExp.Tests.Specs;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Experiments;

/// <summary>A spec is resolved once: the installation's defaults filled in, every path absolute against
/// the spec's folder, and that is what `validate` prints and `run` writes.</summary>
public class SpecResolutionTests
{
    private const string Folder = "/data/experiments";

    private static readonly ToolCatalog Catalog =
        ToolCatalog.Load(Path.Combine(RepoFiles.Root, "tool.json"), name => name == "MOVINET_CACHE" ? "/cache root/m#x" : null);

    private static ExperimentSpec Spec(string data, params string[] overrides) =>
        SpecLoader.Parse($"name: d\ndata: {data}\n", "d.yaml", overrides);

    private static ExperimentSpec Resolve(ExperimentSpec spec) => SpecResolution.Resolve(spec, Folder, Catalog);

    [Fact]
    public void RelativePathsBecomeAbsoluteAgainstTheSpecFolderAndKeywordsStay()
    {
        var spec = SpecLoader.Parse("name: p\ndata:\n  source: folder\n  path: ../videos\nmodel:\n  checkpoint: ck/x.tar.gz\n", "s.yaml");
        var absolute = Resolve(spec);
        Assert.Equal("/data/videos", absolute.Data.Path);
        Assert.Equal("/data/experiments/ck/x.tar.gz", absolute.Model.Checkpoint);

        var keywords = SpecLoader.Parse("name: p\ndata:\n  source: synthetic\n  path: /abs\nmodel:\n  checkpoint: run:other\n", "s.yaml");
        var same = Resolve(keywords);
        Assert.Equal("/abs", same.Data.Path);
        Assert.Equal("run:other", same.Model.Checkpoint);
        Assert.Equal("pretrained", Resolve(Spec("{source: folder, path: /v}")).Model.Checkpoint);
    }

    [Fact]
    public void Ucf101GetsTheCatalogueUrlUnlessOneIsWrittenAndALocalZipBecomesAbsolute()
    {
        Assert.Equal("https://storage.googleapis.com/thumos14_files/UCF101_videos.zip", Resolve(Spec("{source: ucf101}")).Data.Url);
        Assert.Equal("http://mirror.example/ucf.zip", Resolve(Spec("{source: ucf101, url: 'http://mirror.example/ucf.zip'}")).Data.Url);
        // Read from the run folder by `eval`, a relative path would have meant a zip inside the run folder.
        Assert.Equal("/data/zips/UCF101.zip", Resolve(Spec("{source: ucf101, url: ../zips/UCF101.zip}")).Data.Url);
    }

    [Fact]
    public void SplitListsAreReadFromTheSpecFolderUnlessAFolderIsGiven()
    {
        var lists = Resolve(Spec("{source: list, list: {train: lists/train.txt, test: lists/test.txt}}"));
        Assert.Equal(Folder, lists.Data.Path);
        Assert.Equal("/data/experiments/lists/train.txt", lists.Data.List.Train);
        Assert.Equal("/data/experiments/lists/test.txt", lists.Data.List.Test);
        Assert.Null(lists.Data.List.ClassIndex);
    }

    [Fact]
    public void SyntheticVideosGoUnderTheCacheFolderKeyedByTheirSettings()
    {
        ExperimentSpec spec = Spec("{source: synthetic}", "train.epochs=5");
        ExperimentSpec resolved = Resolve(spec);

        Assert.Matches("^/cache root/m#x/synthetic/[0-9a-f]{8}$", resolved.Data.Path);
        Assert.Equal(5, resolved.Train.Epochs);
        Assert.Equal(resolved.Data.Path, Resolve(Spec("{source: synthetic}", "train.lr=0.5")).Data.Path);
        Assert.NotEqual(resolved.Data.Path, Resolve(Spec("{source: synthetic}", "data.synthetic.fps=30")).Data.Path);
        Assert.NotEqual(resolved.Data.Path, Resolve(Spec("{source: synthetic, classes: 3}")).Data.Path);
        Assert.Equal("/own", Resolve(Spec("{source: synthetic, path: /own}")).Data.Path);
    }

    [Fact]
    public void ResolvingTwiceChangesNothing()
    {
        var once = Resolve(Spec("{source: list, list: {train: t.txt, test: s.txt}}"));
        Assert.Equal(SpecWriter.ToYaml(once), SpecWriter.ToYaml(SpecResolution.Resolve(once, "/elsewhere", Catalog)));
    }
}
