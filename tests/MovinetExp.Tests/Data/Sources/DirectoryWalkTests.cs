using MovinetExp.Common;
using MovinetExp.Data.Sources;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Data.Sources;

public class DirectoryWalkTests
{
    [Fact]
    public void AFolderReachableTwiceIsListedOnceWhereItReallyIs()
    {
        string root = TestPaths.NewScratchFolder("walk");
        Directory.CreateDirectory(Path.Combine(root, "b", "real"));
        File.WriteAllText(Path.Combine(root, "b", "real", "x.avi"), "x");
        Directory.CreateDirectory(Path.Combine(root, "a"));
        Directory.CreateSymbolicLink(Path.Combine(root, "a", "alias"), "../b/real"); // 'a' is listed before 'b'

        var tree = DirectoryWalk.Files(root);

        Assert.Equal([Path.Combine(root, "b", "real", "x.avi")], tree.Files);
        Assert.Equal(Path.Combine(root, "a", "alias"), Assert.Single(tree.Skipped).Path);
        Assert.Empty(tree.Problems);
    }

    [Fact]
    public void BrokenAndSelfLoopingLinksAreProblemsAndTheWalkGoesOn()
    {
        string root = TestPaths.NewScratchFolder("walk");
        File.WriteAllText(Path.Combine(root, "ok.avi"), "x");
        File.CreateSymbolicLink(Path.Combine(root, "broken.avi"), "nowhere.avi");
        File.CreateSymbolicLink(Path.Combine(root, "loop"), "loop");

        var tree = DirectoryWalk.Files(root);

        Assert.Equal([Path.Combine(root, "ok.avi")], tree.Files);
        var problems = tree.Problems.ToDictionary(p => Path.GetFileName(p.Path), p => p.Reason);
        Assert.Contains("broken symbolic link", problems["broken.avi"]);
        Assert.Contains("cannot be resolved", problems["loop"]);
    }

    [Fact]
    public void RealPathResolvesLinksInEveryComponent()
    {
        string root = TestPaths.NewScratchFolder("realpath");
        Directory.CreateDirectory(Path.Combine(root, "data", "deep"));
        Directory.CreateSymbolicLink(Path.Combine(root, "d"), "data");
        Directory.CreateSymbolicLink(Path.Combine(root, "data", "deep", "back"), "../../d/deep");

        string realRoot = RealPath.Of(root);
        Assert.Equal(Path.Combine(realRoot, "data", "deep"), RealPath.Of(Path.Combine(root, "d", "deep", "back", "back")));
        File.CreateSymbolicLink(Path.Combine(root, "self"), "self");
        Assert.Throws<IOException>(() => RealPath.Of(Path.Combine(root, "self")));
    }
}
