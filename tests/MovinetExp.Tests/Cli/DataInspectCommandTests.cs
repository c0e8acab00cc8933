using System.Text.Json;
using System.Text.RegularExpressions;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Cli;

/// <summary>`data inspect DIR` as users and scripts see it: totals, --json, piped output, and folders with odd links.</summary>
public class DataInspectCommandTests
{
    [Fact]
    public void JsonListsEveryFileWithTotalsPerClassAndOverall()
    {
        string root = Dataset();

        var result = CliProcess.Run(root, "data", "inspect", root, "--json");

        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        using var json = JsonDocument.Parse(result.StandardOutput);
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["Biking/v_Biking_g01_c01.mp4", "Biking/v_Biking_g05_c02.avi", "Punch/v_Punch_g03_c01.avi"],
            files.Select(f => f.GetProperty("file").GetString()));
        var biking = files[1];
        Assert.Equal(("Biking", 201, 320, 240), (biking.GetProperty("class_name").GetString(), biking.GetProperty("decodable_frames").GetInt32(),
            biking.GetProperty("width").GetInt32(), biking.GetProperty("height").GetInt32()));
        var classes = json.RootElement.GetProperty("classes").EnumerateArray()
            .ToDictionary(c => c.GetProperty("class_name").GetString()!, c => (c.GetProperty("videos").GetInt32(), c.GetProperty("frames").GetInt64()));
        Assert.Equal((2, 352L), classes["Biking"]);
        Assert.Equal((1, 108L), classes["Punch"]);
        var total = json.RootElement.GetProperty("total");
        Assert.Equal((2, 3, 0, 460L), (total.GetProperty("classes").GetInt32(), total.GetProperty("videos").GetInt32(),
            total.GetProperty("problem_files").GetInt32(), total.GetProperty("frames").GetInt64()));
    }

    [Fact]
    public void PipedOutputKeepsEachFileOnOneLineAndEndsWithTotals()
    {
        string root = Dataset();

        var result = CliProcess.Run(root, "data", "inspect", root); // standard output is a pipe here

        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        string[] lines = result.StandardOutput.Split('\n');
        Assert.DoesNotContain(lines, l => l.IndexOfAny(['│', '─', '┌', '└']) >= 0); // no table borders to wrap
        Assert.Contains(lines, l => l.Contains("Biking/v_Biking_g05_c02.avi") && l.Contains("201/201") && l.Contains("320x240"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^Biking\s+2\s+0\s+352\s"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^Punch\s+1\s+0\s+108\s"));
        Assert.Contains(lines, l => l.StartsWith("total: 3 videos in 2 classes, 0 problem files, 460 frames"));
    }

    [Fact]
    public void ASymlinkThatLoopsToItselfIsAProblemFileAndTheRestIsListed()
    {
        string root = Dataset();
        string loop = Path.Combine(root, "Punch", "v_Punch_g04_c01.avi");
        File.CreateSymbolicLink(loop, loop);

        var result = CliProcess.Run(root, "data", "inspect", root);

        Assert.True(result.ExitCode == 3, $"exit code {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        string[] lines = result.StandardOutput.Split('\n');
        Assert.Contains(lines, l => l.Contains("Punch/v_Punch_g04_c01.avi") && l.Contains("symbolic link"));
        Assert.Contains(lines, l => l.Contains("Punch/v_Punch_g03_c01.avi") && l.Contains("108/108"));
        Assert.Contains(lines, l => l.StartsWith("total: 3 videos in 2 classes, 1 problem file"));
        Assert.DoesNotContain("   at ", result.Unwrapped);
    }

    [Fact]
    public void ADirectoryLinkCycleIsWalkedOnce()
    {
        string root = Dataset();
        Directory.CreateSymbolicLink(Path.Combine(root, "Biking", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(root, "Punch", "up"), "..");

        var result = CliProcess.Run(TimeSpan.FromSeconds(40), root, "data", "inspect", root);

        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        string[] lines = result.StandardOutput.Split('\n');
        foreach (string video in new[] { "v_Biking_g05_c02.avi", "v_Biking_g01_c01.mp4", "v_Punch_g03_c01.avi" })
            Assert.Single(lines, l => l.Contains(video));
        Assert.Contains(lines, l => l.StartsWith("total: 3 videos in 2 classes"));
    }

    /// <summary>Two classes of real UCF101 clips: Biking (201 + 151 frames), Punch (108 frames).</summary>
    private static string Dataset()
    {
        string root = TestPaths.NewScratchFolder("inspect");
        foreach (string relative in new[] { "Biking/v_Biking_g05_c02.avi", "Biking/v_Biking_g01_c01.mp4", "Punch/v_Punch_g03_c01.avi" })
        {
            string target = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(TestPaths.Videos, "ucf101", relative), target);
        }
        return root;
    }
}
