using MovinetExp.Common;

namespace MovinetExp.Tests.Cli;

/// <summary>
/// Every command with <c>--variant</c> rejects an unknown variant before doing any work, with exit code 2
/// and the same message; the spelling is the spec's, so it is case-sensitive like YAML.
/// </summary>
public class VariantOptionTests
{
    [Theory]
    [InlineData("model", "summary", "a0", "--variant", "Stream")]
    [InlineData("checkpoint", "fetch", "a0", "--variant", "Stream")]
    [InlineData("predict", "clip.npy", "--model", "a0", "--variant", "Stream")]
    public void AnUnknownVariantIsAUsageErrorWithTheSameMessage(params string[] arguments)
    {
        var result = CliProcess.Run(Path.GetTempPath(), arguments);

        Assert.True(result.ExitCode == ExitCodes.UsageOrSpec, $"exit code {result.ExitCode}\n{result.Unwrapped}");
        Assert.Contains("--variant must be base or stream, not 'Stream'", result.Unwrapped);
    }

    [Fact]
    public void TheStreamVariantReachesTheModel()
    {
        // Stream models use causal convolutions and buffer states, so the summary names the variant it built.
        var result = CliProcess.Run(Path.GetTempPath(), "model", "summary", "a0", "--variant", "stream", "--classes", "3", "--frames", "2",
            "--resolution", "32", "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, $"exit code {result.ExitCode}\n{result.Unwrapped}");
        Assert.Contains("\"variant\": \"stream\"", result.StandardOutput);
    }
}
