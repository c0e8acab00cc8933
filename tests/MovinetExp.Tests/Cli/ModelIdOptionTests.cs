using MovinetExp.Common;

namespace MovinetExp.Tests.Cli;

/// <summary>
/// Every command taking a model id (the <c>ID</c> argument or <c>--model</c>) rejects anything but the
/// spec's spellings a0..a5 before doing any work: exit code 2, one message naming the argument and the
/// accepted ids, no stack trace. Numbers matter because <c>Enum.TryParse</c> would accept "7".
/// </summary>
public class ModelIdOptionTests
{
    private const string Accepted = "must be a0, a1, a2, a3, a4 or a5, not";

    [Theory]
    [InlineData("ID", "7", "model", "summary", "7")]
    [InlineData("ID", "a9", "model", "summary", "a9")]
    [InlineData("ID", "A0", "model", "summary", "A0")] // model.id in YAML is case-sensitive too
    [InlineData("ID", "7", "checkpoint", "fetch", "7")]
    [InlineData("ID", "a9", "checkpoint", "fetch", "a9", "--variant", "stream")]
    [InlineData("--model", "7", "predict", "clip.npy", "--model", "7")]
    [InlineData("--model", "a9", "predict", "clip.npy", "--checkpoint", "model/ckpt-1", "--model", "a9")]
    [InlineData("--model", "-1", "stream", "clip.mp4", "--model", "-1", "--variant", "stream")]
    public void AnUnknownModelIdIsAUsageErrorNamingTheArgument(string name, string typed, params string[] arguments)
    {
        var result = CliProcess.Run(Path.GetTempPath(), arguments);

        Assert.True(result.ExitCode == ExitCodes.UsageOrSpec, $"exit code {result.ExitCode}\n{result.Unwrapped}");
        Assert.Contains($"{name} {Accepted} '{typed}'", result.Unwrapped);
        Assert.DoesNotContain("Exception", result.Unwrapped);
        Assert.DoesNotContain("internal error", result.Unwrapped);
    }

    [Fact]
    public void TheIdReachesTheModel()
    {
        var result = CliProcess.Run(Path.GetTempPath(), "model", "summary", "a1", "--classes", "3", "--frames", "2",
            "--resolution", "32", "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, $"exit code {result.ExitCode}\n{result.Unwrapped}");
        Assert.Contains("\"model\": \"a1\"", result.StandardOutput);
    }
}
