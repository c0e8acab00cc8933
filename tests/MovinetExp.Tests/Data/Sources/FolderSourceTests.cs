using MovinetExp.Common;
using MovinetExp.Data;
using MovinetExp.Data.Sources;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Data.Sources;

public class FolderSourceTests
{
    [Fact]
    public void SharedUcf101FolderByCountIsDeterministicAndLabelledInOrder()
    {
        var request = new SplitRequest(ClassSelection.FirstN(10), new SplitCounts(1, 0, 0), SplitPolicy.Group, Seed: 3);
        var first = FolderSource.Load(DatasetFolders.SharedUcf101, request);
        var again = FolderSource.Load(DatasetFolders.SharedUcf101, request);

        Assert.Equal(["Basketball", "Biking", "CliffDiving", "Fencing", "HorseRiding", "IceDancing", "Punch", "Rowing", "SalsaSpin", "SkateBoarding"],
            first.ClassNames);
        Assert.Equal(first.Train, again.Train);
        Assert.Equal(Enumerable.Range(0, 10), first.Train.Select(i => i.Label));
        Assert.All(first.Train, i => Assert.Equal(first.ClassNames[i.Label], i.ClassName));
        var rowing = Assert.Single(first.Train, i => i.ClassName == "Rowing");
        Assert.Equal(new VideoItem(Path.Combine(DatasetFolders.SharedUcf101, "Rowing", "UCF-101_Rowing_g16_c03.avi"), 7, "Rowing", "g16"), rowing);
        Assert.Empty(first.Val);
        Assert.Empty(first.Test);
    }

    [Fact]
    public void SharedUcf101GroupSplitPutsEachGroupInOneSplit()
    {
        // Basketball (g01, g07) and Biking (g01, g05) have two groups each in the shared clips.
        var request = new SplitRequest(ClassSelection.Named(["Biking", "Basketball"]), new SplitCounts(1, 0, 1), SplitPolicy.Group);
        var splits = FolderSource.Load(DatasetFolders.SharedUcf101, request);
        Assert.Equal(["Biking", "Basketball"], splits.ClassNames);
        foreach (string cls in splits.ClassNames)
        {
            var train = splits.Train.Where(i => i.ClassName == cls).Select(i => i.Group).ToList();
            var test = splits.Test.Where(i => i.ClassName == cls).Select(i => i.Group).ToList();
            Assert.Single(train);
            Assert.Single(test);
            Assert.NotEqual(train[0], test[0]);
        }
    }

    [Fact]
    public void GroupPolicyNeverSplitsAGroupAndHitsTheCounts()
    {
        string root = DatasetFolders.Ucf101Like(["Alpha", "Beta", "Gamma"], groups: 6, clipsPerGroup: 4);
        for (int seed = 0; seed < 20; seed++)
        {
            var splits = FolderSource.Load(root, new SplitRequest(ClassSelection.FirstN(3), new SplitCounts(6, 3, 5), SplitPolicy.Group, seed));
            Assert.Equal(18, splits.Train.Count);
            Assert.Equal(9, splits.Val.Count);
            Assert.Equal(15, splits.Test.Count);
            var groupsBySplit = new[] { splits.Train, splits.Val, splits.Test }
                .Select(s => s.Select(i => (i.ClassName, i.Group)).ToHashSet()).ToList();
            Assert.Empty(groupsBySplit[0].Intersect(groupsBySplit[1]));
            Assert.Empty(groupsBySplit[0].Intersect(groupsBySplit[2]));
            Assert.Empty(groupsBySplit[1].Intersect(groupsBySplit[2]));
        }
    }

    [Fact]
    public void RandomPolicyIsSeededAndLeaksGroupsLikeTheTutorial()
    {
        string root = DatasetFolders.Ucf101Like(["Alpha", "Beta"], groups: 5, clipsPerGroup: 4);
        SplitRequest Request(int seed) => new(ClassSelection.FirstN(2), new SplitCounts(10, 0, 10), SplitPolicy.Random, seed);
        var a = FolderSource.Load(root, Request(1));
        Assert.Equal(a.Train, FolderSource.Load(root, Request(1)).Train);
        Assert.NotEqual(a.Train, FolderSource.Load(root, Request(2)).Train);
        // 20 clips in 5 groups dealt 10/10 by file: some group ends up on both sides.
        var trainGroups = a.Train.Select(i => (i.ClassName, i.Group)).ToHashSet();
        Assert.Contains(a.Test, i => trainGroups.Contains((i.ClassName, i.Group)));
    }

    [Fact]
    public void AddingAClassDoesNotChangeTheFilesOfAnother()
    {
        string root = DatasetFolders.Ucf101Like(["Alpha", "Beta", "Gamma"], groups: 4, clipsPerGroup: 3);
        var counts = new SplitCounts(3, 0, 3);
        var two = FolderSource.Load(root, new SplitRequest(ClassSelection.Named(["Alpha", "Gamma"]), counts, Seed: 5));
        var three = FolderSource.Load(root, new SplitRequest(ClassSelection.FirstN(3), counts, Seed: 5));
        Assert.Equal(two.Test.Where(i => i.ClassName == "Gamma").Select(i => i.Path),
            three.Test.Where(i => i.ClassName == "Gamma").Select(i => i.Path));
    }

    [Fact]
    public void NotEnoughVideosNamesTheClassAndTheSplit()
    {
        var request = new SplitRequest(ClassSelection.FirstN(10), new SplitCounts(1, 0, 1));
        var ex = Assert.Throws<DataException>(() => FolderSource.Load(DatasetFolders.SharedUcf101, request));
        Assert.Contains("Class 'CliffDiving'", ex.Message);
        Assert.Contains("test split", ex.Message);
        Assert.Contains(DatasetFolders.SharedUcf101, ex.Message);
    }

    [Fact]
    public void NonVideosEmptyFilesAndLooseFilesAreExcludedWithReasons()
    {
        string root = DatasetFolders.Ucf101Like(["Alpha"], groups: 2, clipsPerGroup: 1);
        File.WriteAllText(Path.Combine(root, "Alpha", "notes.txt"), "x");
        File.WriteAllBytes(Path.Combine(root, "Alpha", "v_Alpha_g09_c01.MP4"), []);
        File.WriteAllText(Path.Combine(root, "README.md"), "x");
        Directory.CreateDirectory(Path.Combine(root, "Alpha", "more"));
        File.WriteAllText(Path.Combine(root, "Alpha", "more", "v_Alpha_g03_c01.WebM"), "x");

        var splits = FolderSource.Load(root, new SplitRequest(ClassSelection.FirstN(1), SplitCounts.All));
        Assert.Equal(3, splits.Train.Count); // g01, g02 and the upper-case .WebM in a subfolder
        Assert.Contains(new ExcludedFile(Path.Combine(root, "Alpha", "notes.txt"), "not a video file extension"), splits.Excluded);
        Assert.Contains(new ExcludedFile(Path.Combine(root, "Alpha", "v_Alpha_g09_c01.MP4"), "empty file"), splits.Excluded);
        Assert.Contains(new ExcludedFile(Path.Combine(root, "README.md"), "not inside a class folder"), splits.Excluded);
    }

    [Fact]
    public void TrainValTestFoldersDefineTheSplits()
    {
        string root = TestPaths.NewScratchFolder("dataset");
        DatasetFolders.Ucf101Like(["Alpha", "Beta"], groups: 3, clipsPerGroup: 2, under: Path.Combine(root, "train"));
        DatasetFolders.Ucf101Like(["Alpha", "Beta"], groups: 1, clipsPerGroup: 2, under: Path.Combine(root, "test"));

        var all = FolderSource.Load(root, new SplitRequest(ClassSelection.FirstN(2), SplitCounts.All));
        Assert.Equal(12, all.Train.Count);
        Assert.Empty(all.Val);
        Assert.All(all.Train, i => Assert.StartsWith(Path.Combine(root, "train"), i.Path));
        Assert.Equal(4, all.Test.Count);
        Assert.All(all.Test, i => Assert.StartsWith(Path.Combine(root, "test"), i.Path));

        // Without a val/ folder, val is carved from train/, whole groups at a time.
        var carved = FolderSource.Load(root, new SplitRequest(ClassSelection.FirstN(2), new SplitCounts(4, 2, 2)));
        Assert.Empty(carved.Train.Select(i => (i.ClassName, i.Group)).Intersect(carved.Val.Select(i => (i.ClassName, i.Group))));
        Assert.All(carved.Val, i => Assert.StartsWith(Path.Combine(root, "train"), i.Path));
    }

    [Fact]
    public void ASymlinkThatLoopsToItselfIsExcludedWithItsReason()
    {
        string root = DatasetFolders.Ucf101Like(["Alpha"], groups: 2, clipsPerGroup: 1);
        string loop = Path.Combine(root, "Alpha", "v_Alpha_g03_c01.avi");
        File.CreateSymbolicLink(loop, loop);

        var splits = FolderSource.Load(root, new SplitRequest(ClassSelection.FirstN(1), SplitCounts.All));

        Assert.Equal(2, splits.Train.Count);
        var excluded = Assert.Single(splits.Excluded, e => e.Path == loop);
        Assert.Contains("symbolic link", excluded.Reason);
    }

    [Fact]
    public void DirectoryLinkCyclesAreWalkedOnceAndTheListingEnds()
    {
        // Two links back to the root: following them blindly multiplies the paths with every level.
        string root = DatasetFolders.Ucf101Like(["Alpha", "Beta"], groups: 2, clipsPerGroup: 1);
        Directory.CreateSymbolicLink(Path.Combine(root, "Alpha", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(root, "Beta", "up"), "..");

        var load = Task.Run(() => FolderSource.Load(root, new SplitRequest(ClassSelection.FirstN(2), SplitCounts.All)));

        Assert.True(load.Wait(TimeSpan.FromSeconds(20)), "listing a folder with a directory link cycle did not end within 20 s");
        var splits = load.Result;
        Assert.Equal(
            ["v_Alpha_g01_c01.avi", "v_Alpha_g02_c01.avi", "v_Beta_g01_c01.avi", "v_Beta_g02_c01.avi"],
            splits.Train.Select(i => Path.GetFileName(i.Path)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ALinkedClassFolderIsFollowed()
    {
        string elsewhere = DatasetFolders.Ucf101Like(["Alpha"], groups: 2, clipsPerGroup: 1);
        string root = DatasetFolders.Ucf101Like(["Beta"], groups: 1, clipsPerGroup: 1);
        Directory.CreateSymbolicLink(Path.Combine(root, "Alpha"), Path.Combine(elsewhere, "Alpha"));

        var splits = FolderSource.Load(root, new SplitRequest(ClassSelection.FirstN(2), SplitCounts.All));

        Assert.Equal(["Alpha", "Beta"], splits.ClassNames);
        Assert.Equal(2, splits.Train.Count(i => i.ClassName == "Alpha"));
        Assert.All(splits.Train, i => Assert.StartsWith(root, i.Path));
    }

    [Fact]
    public void AMissingFolderIsADataException()
    {
        var ex = Assert.Throws<DataException>(() => FolderSource.Load("/nonexistent/ucf", new SplitRequest(ClassSelection.FirstN(1), SplitCounts.All)));
        Assert.Contains("'/nonexistent/ucf'", ex.Message);
    }
}
