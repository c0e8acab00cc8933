using MovinetExp.Tests.Data.Sources;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Cli;

/// <summary>`split: {train: all, test: all}` with official split lists takes every listed video, whatever the class sizes.</summary>
public class DataPrepareListSplitTests
{
    [Fact]
    public void EveryListedVideoIsTakenEvenWhenClassesDifferInSize()
    {
        // Alpha: 4 train + 2 test videos listed; Beta: 1 + 1. Per-class counts could take at most Beta's.
        string root = DatasetFolders.Ucf101Like(["Alpha", "Beta"], groups: 6, clipsPerGroup: 1);
        File.WriteAllText(Path.Combine(root, "classInd.txt"), "1 Alpha\n2 Beta\n");
        File.WriteAllText(Path.Combine(root, "trainlist01.txt"),
            string.Concat(Enumerable.Range(1, 4).Select(g => $"Alpha/v_Alpha_g{g:00}_c01.avi 1\n")) + "Beta/v_Beta_g01_c01.avi 2\n");
        File.WriteAllText(Path.Combine(root, "testlist01.txt"), "Alpha/v_Alpha_g05_c01.avi\nAlpha/v_Alpha_g06_c01.avi\nBeta/v_Beta_g02_c01.avi\n");
        File.WriteAllText(Path.Combine(root, "spec.yaml"), """
            name: official-split
            data:
              source: list
              classes: 2
              list: {train: trainlist01.txt, test: testlist01.txt}
              split: {train: all, test: all}
            """);

        var result = CliProcess.Run(root, "data", "prepare", "spec.yaml");

        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        Assert.Contains("8 videos under", result.Unwrapped);
        Assert.Matches(@"Alpha\W+4\W+0\W+2", result.Unwrapped);
        Assert.Matches(@"Beta\W+1\W+0\W+1", result.Unwrapped);
    }

    [Fact]
    public void ACsvListWithoutASplitColumnCannotTakeAll()
    {
        string root = DatasetFolders.Ucf101Like(["Alpha", "Beta"], groups: 2, clipsPerGroup: 1);
        File.WriteAllText(Path.Combine(root, "list.csv"),
            "path,label\nAlpha/v_Alpha_g01_c01.avi,Alpha\nAlpha/v_Alpha_g02_c01.avi,Alpha\nBeta/v_Beta_g01_c01.avi,Beta\nBeta/v_Beta_g02_c01.avi,Beta\n");
        File.WriteAllText(Path.Combine(root, "spec.yaml"), """
            name: csv-all
            data:
              source: list
              classes: 2
              list: {train: list.csv, test: list.csv}
              split: {train: all, test: all}
            """);

        var result = CliProcess.Run(root, "data", "prepare", "spec.yaml");

        Assert.True(result.ExitCode == 3, $"exit code {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        Assert.Contains("data.split.test: all", result.Unwrapped);
        Assert.Contains("'split' column", result.Unwrapped);
        Assert.DoesNotContain("   at ", result.Unwrapped);
    }
}
