using MovinetExp.Common;
using MovinetExp.Data.Sources;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Data.Sources;

public class Ucf101SplitListSourceTests
{
    private static (string Root, string ClassInd, string Train, string Test) Lists(string trainText, string testText)
    {
        string root = DatasetFolders.Ucf101Like(["ApplyEyeMakeup", "Archery"], groups: 3, clipsPerGroup: 2);
        string classInd = Path.Combine(root, "classInd.txt");
        File.WriteAllText(classInd, "1 ApplyEyeMakeup\n2 Archery\n");
        string train = Path.Combine(root, "trainlist01.txt");
        File.WriteAllText(train, trainText);
        string test = Path.Combine(root, "testlist01.txt");
        File.WriteAllText(test, testText);
        return (root, classInd, train, test);
    }

    private const string TrainText =
        "ApplyEyeMakeup/v_ApplyEyeMakeup_g01_c01.avi 1\r\nApplyEyeMakeup/v_ApplyEyeMakeup_g01_c02.avi 1\r\n" +
        "ApplyEyeMakeup/v_ApplyEyeMakeup_g02_c01.avi 1\r\nArchery/v_Archery_g01_c01.avi 2\r\nArchery/v_Archery_g02_c01.avi 2\r\n" +
        "Archery/v_Archery_g07_c01.avi 2\r\n";
    private const string TestText = "ApplyEyeMakeup/v_ApplyEyeMakeup_g03_c01.avi\nArchery/v_Archery_g03_c02.avi\n";

    [Fact]
    public void ListsDefineTrainAndTestAndMissingFilesAreExcluded()
    {
        var (root, classInd, train, test) = Lists(TrainText, TestText);
        var splits = Ucf101SplitListSource.Load(root, classInd, train, test, new SplitRequest(ClassSelection.FirstN(2), SplitCounts.All));
        Assert.Equal(["ApplyEyeMakeup", "Archery"], splits.ClassNames);
        Assert.Equal(5, splits.Train.Count);
        Assert.Equal([Path.Combine(root, "ApplyEyeMakeup", "v_ApplyEyeMakeup_g03_c01.avi"), Path.Combine(root, "Archery", "v_Archery_g03_c02.avi")],
            splits.Test.Select(i => i.Path));
        var missing = Assert.Single(splits.Excluded);
        Assert.Equal(Path.Combine(root, "Archery", "v_Archery_g07_c01.avi"), missing.Path);
        Assert.Equal("listed in trainlist01.txt line 6 but missing", missing.Reason);
    }

    [Fact]
    public void ALabelThatContradictsTheClassIndexNamesTheLine()
    {
        var (root, classInd, train, test) = Lists("ApplyEyeMakeup/v_ApplyEyeMakeup_g01_c01.avi 1\nArchery/v_Archery_g01_c01.avi 1\n", TestText);
        var ex = Assert.Throws<DataException>(() =>
            Ucf101SplitListSource.Load(root, classInd, train, test, new SplitRequest(ClassSelection.FirstN(2), SplitCounts.All)));
        Assert.Contains($"{train} line 2", ex.Message);
        Assert.Contains("Archery", ex.Message);
    }

    [Fact]
    public void AClassIndexThatIsNotARegularFileIsRefusedWithoutQuotingIt()
    {
        // /proc files report no size and hold anything (here the environment, with its tokens): never echo them (issue 14, item 25).
        var (root, _, train, test) = Lists(TrainText, TestText);
        var ex = Assert.Throws<DataException>(() =>
            Ucf101SplitListSource.Load(root, "/proc/self/environ", train, test, new SplitRequest(ClassSelection.FirstN(2), SplitCounts.All)));
        Assert.Contains("'/proc/self/environ' is empty or not a regular file", ex.Message);
        Assert.DoesNotContain("PATH=", ex.Message);
    }

    [Fact]
    public void ABadLineIsQuotedOnlyAsAShortExcerpt()
    {
        var (root, classInd, train, test) = Lists(TrainText, TestText);
        string secret = new('s', 200);
        File.WriteAllText(classInd, $"1 ApplyEyeMakeup\nTOKEN={secret}\n");
        var ex = Assert.Throws<DataException>(() =>
            Ucf101SplitListSource.Load(root, classInd, train, test, new SplitRequest(ClassSelection.FirstN(2), SplitCounts.All)));
        Assert.Contains($"{classInd} line 2: expected '<index> <ClassName>', found 'TOKEN=sss", ex.Message);
        Assert.DoesNotContain(secret[..50], ex.Message);
    }

    [Fact]
    public void AnUnknownClassInAListNamesTheLine()
    {
        var (root, classInd, train, test) = Lists(TrainText, "Archery/v_Archery_g03_c01.avi\nBowling/v_Bowling_g01_c01.avi\n");
        var ex = Assert.Throws<DataException>(() =>
            Ucf101SplitListSource.Load(root, classInd, train, test, new SplitRequest(ClassSelection.FirstN(2), SplitCounts.All)));
        Assert.Contains($"{test} line 2: class 'Bowling'", ex.Message);
    }
}

public class CsvListSourceTests
{
    [Fact]
    public void ReadsPathLabelAndOptionalSplit()
    {
        string root = DatasetFolders.Ucf101Like(["Alpha", "Beta"], groups: 2, clipsPerGroup: 1);
        string csv = Path.Combine(root, "list.csv");
        File.WriteAllText(csv,
            "path,label,split\n" +
            "Alpha/v_Alpha_g01_c01.avi,Alpha,train\n" +
            "\"Alpha/v_Alpha_g02_c01.avi\",Alpha,test\n" +
            "Beta/v_Beta_g01_c01.avi,Beta,train\n" +
            "Beta/v_Beta_g02_c01.avi,Beta,val\n" +
            "Beta/missing.avi,Beta,test\n");
        var splits = CsvListSource.Load(csv, new SplitRequest(ClassSelection.FirstN(2), SplitCounts.All));
        Assert.Equal(["Alpha", "Beta"], splits.ClassNames);
        Assert.Equal(["Alpha", "Beta"], splits.Train.Select(i => i.ClassName));
        Assert.Equal(["Beta"], splits.Val.Select(i => i.ClassName));
        Assert.Equal([Path.Combine(root, "Alpha", "v_Alpha_g02_c01.avi")], splits.Test.Select(i => i.Path));
        Assert.Equal(Path.Combine(root, "Beta", "missing.avi"), Assert.Single(splits.Excluded).Path);
    }

    [Fact]
    public void WithoutSplitColumnTheRequestSplits()
    {
        string root = DatasetFolders.Ucf101Like(["Alpha"], groups: 3, clipsPerGroup: 1);
        string csv = Path.Combine(root, "list.csv");
        File.WriteAllText(csv, "label,path\nAlpha,Alpha/v_Alpha_g01_c01.avi\nAlpha,Alpha/v_Alpha_g02_c01.avi\nAlpha,Alpha/v_Alpha_g03_c01.avi\n");
        var splits = CsvListSource.Load(csv, new SplitRequest(ClassSelection.FirstN(1), new SplitCounts(2, 0, 1)));
        Assert.Equal(2, splits.Train.Count);
        Assert.Single(splits.Test);
    }

    [Fact]
    public void QuotedFieldsMayHoldCommasAndDoubledQuotes()
    {
        string root = DatasetFolders.Ucf101Like(["Alpha"], groups: 1, clipsPerGroup: 1);
        File.WriteAllText(Path.Combine(root, "Alpha", "take \"2\", slow.avi"), "x");
        string csv = Path.Combine(root, "list.csv");
        File.WriteAllText(csv, "path,label\n\"Alpha/take \"\"2\"\", slow.avi\",\"Alpha\"\nAlpha/v_Alpha_g01_c01.avi,Alpha\n");
        var splits = CsvListSource.Load(csv, new SplitRequest(ClassSelection.FirstN(1), SplitCounts.All));
        Assert.Contains(Path.Combine(root, "Alpha", "take \"2\", slow.avi"), splits.Train.Select(i => i.Path));
        Assert.Equal(2, splits.Train.Count);
    }

    [Theory]
    [InlineData("file,class\nA/x.avi,A\n", "line 1: header must name columns 'path' and 'label'")]
    [InlineData("path,label\nAlpha/v_Alpha_g01_c01.avi\n", "line 2: expected 2 fields")]
    [InlineData("path,label,split\nAlpha/v_Alpha_g01_c01.avi,Alpha,holdout\n", "line 2: split 'holdout'")]
    [InlineData("path,label\n\"Alpha/v.avi,Alpha\n", "line 2: unterminated quoted field")]
    public void MalformedCsvNamesTheLine(string text, string expected)
    {
        string root = DatasetFolders.Ucf101Like(["Alpha"], groups: 1, clipsPerGroup: 1);
        string csv = Path.Combine(root, "list.csv");
        File.WriteAllText(csv, text);
        var ex = Assert.Throws<DataException>(() => CsvListSource.Load(csv, new SplitRequest(ClassSelection.FirstN(1), SplitCounts.All)));
        Assert.Contains(expected, ex.Message);
        Assert.Contains(csv, ex.Message);
    }
}
