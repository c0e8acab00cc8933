using MovinetExp.Catalog;
using MovinetExp.Specs;
using MovinetExp.Tests.Specs;

namespace MovinetExp.Tests.Catalog;

public class CatalogDefaultsTests
{
    private static readonly ToolCatalog Catalog =
        ToolCatalog.Load(Path.Combine(RepoFiles.Root, "tool.json"), name => name == "MOVINET_CACHE" ? "/cache root/m#x" : null);

    private static ExperimentSpec Spec(string data, params string[] overrides) =>
        SpecLoader.Parse($"name: d\ndata: {data}\n", "d.yaml", overrides);

    [Fact]
    public void Ucf101GetsTheCatalogueUrlUnlessOneIsWritten()
    {
        Assert.Equal("https://storage.googleapis.com/thumos14_files/UCF101_videos.zip",
            CatalogDefaults.Apply(Spec("{source: ucf101}"), Catalog).Data.Url);
        Assert.Equal("http://mirror.example/ucf.zip",
            CatalogDefaults.Apply(Spec("{source: ucf101, url: 'http://mirror.example/ucf.zip'}"), Catalog).Data.Url);
    }

    [Fact]
    public void SyntheticVideosGoUnderTheCacheFolderKeyedByTheirSettings()
    {
        ExperimentSpec spec = Spec("{source: synthetic}", "train.epochs=5");
        ExperimentSpec resolved = CatalogDefaults.Apply(spec, Catalog);

        Assert.Matches("^/cache root/m#x/synthetic/[0-9a-f]{8}$", resolved.Data.Path);
        Assert.Equal(5, resolved.Train.Epochs);
        Assert.Equal(resolved.Data.Path, CatalogDefaults.Apply(Spec("{source: synthetic}", "train.lr=0.5"), Catalog).Data.Path);
        Assert.NotEqual(resolved.Data.Path, CatalogDefaults.Apply(Spec("{source: synthetic}", "data.synthetic.fps=30"), Catalog).Data.Path);
        Assert.NotEqual(resolved.Data.Path, CatalogDefaults.Apply(Spec("{source: synthetic, classes: 3}"), Catalog).Data.Path);
        Assert.Equal("/own", CatalogDefaults.Apply(Spec("{source: synthetic, path: /own}"), Catalog).Data.Path);
    }

    [Fact]
    public void OtherSourcesAreLeftAlone()
    {
        ExperimentSpec spec = Spec("{source: folder, path: /videos}");
        Assert.Same(spec, CatalogDefaults.Apply(spec, Catalog));
    }
}
