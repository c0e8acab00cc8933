using MovinetExp.Experiments;
using MovinetExp.Specs;

namespace MovinetExp.Tests.Experiments;

public class SpecPathsTests
{
    [Fact]
    public void RelativePathsBecomeAbsoluteAgainstTheSpecFolderAndKeywordsStay()
    {
        var spec = SpecLoader.Parse("name: p\ndata:\n  source: folder\n  path: ../videos\nmodel:\n  checkpoint: ck/x.tar.gz\n", "s.yaml");
        var absolute = SpecPaths.Absolute(spec, "/data/experiments");
        Assert.Equal("/data/videos", absolute.Data.Path);
        Assert.Equal("/data/experiments/ck/x.tar.gz", absolute.Model.Checkpoint);

        var keywords = SpecLoader.Parse("name: p\ndata:\n  source: synthetic\n  path: /abs\nmodel:\n  checkpoint: run:other\n", "s.yaml");
        var same = SpecPaths.Absolute(keywords, "/data/experiments");
        Assert.Equal("/abs", same.Data.Path);
        Assert.Equal("run:other", same.Model.Checkpoint);
    }
}
