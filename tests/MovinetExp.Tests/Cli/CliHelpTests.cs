using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Cli;

/// <summary>Every command's help renders (Spectre parses descriptions as markup, so a stray bracket breaks it) and shows an example.</summary>
public class CliHelpTests
{
    [Theory]
    [InlineData("run")]
    [InlineData("validate")]
    [InlineData("eval")]
    [InlineData("compare")]
    [InlineData("predict")]
    [InlineData("stream")]
    [InlineData("bench")]
    [InlineData("model", "summary")]
    [InlineData("checkpoint", "fetch")]
    [InlineData("checkpoint", "inspect")]
    [InlineData("checkpoint", "convert-stream")]
    [InlineData("data", "prepare")]
    [InlineData("data", "inspect")]
    [InlineData("sweep")]
    [InlineData("sweep", "status")]
    [InlineData("sweep", "collect")]
    [InlineData("sweep", "resume")]
    public void HelpRendersWithExamples(params string[] command)
    {
        var result = CliProcess.Run(Path.GetTempPath(), [.. command, "--help"]);
        Assert.True(result.ExitCode == 0, result.Unwrapped);
        Assert.DoesNotContain("internal error", result.Unwrapped);
        Assert.Contains("EXAMPLES:", result.StandardOutput);
        Assert.Contains("dotnet movinet " + string.Join(' ', command), result.Unwrapped);
    }

    [Fact]
    public void SweepHelpWithASpecListsTheSweepOptions()
    {
        var result = CliProcess.Run(Path.GetTempPath(), "sweep", "spec.yaml", "--help");
        Assert.True(result.ExitCode == 0, result.Unwrapped);
        foreach (string option in new[] { "--grid", "--set", "--expect-all", "--executor", "--parallel", "--cpus-per-task", "--time", "--tool" })
            Assert.Contains(option, result.StandardOutput);
    }

    [Fact]
    public void VersionPrintsTheToolVersion()
    {
        var result = CliProcess.Run(Path.GetTempPath(), "--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.StandardOutput.Trim());
    }
}
