using System.Text.Json;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Cli;

/// <summary>
/// Results go to standard output, diagnostics (errors, warnings, progress) to standard error, so that
/// `--json | jq` only ever reads results (issue 14, item 26).
/// </summary>
public class CliOutputStreamTests
{
    [Fact]
    public void AnErrorGoesToStandardErrorOnly()
    {
        var result = CliProcess.Run(Path.GetTempPath(), "validate", "no-such-spec.yaml");

        CliFixtures.AssertExit(2, result);
        Assert.Equal("", result.StandardOutput);
        CliFixtures.AssertContains("error: no-such-spec.yaml: spec file not found", result.StandardError);
    }

    [Fact]
    public void AUsageErrorGoesToStandardErrorOnly()
    {
        var result = CliProcess.Run(Path.GetTempPath(), "predict", "clip.npy", "--model", "a0", "--top", "0");

        CliFixtures.AssertExit(2, result);
        Assert.Equal("", result.StandardOutput);
        CliFixtures.AssertContains("--top must be at least 1", result.StandardError);
    }

    [Fact]
    public void PredictJsonOnStandardOutputIsTheOnlyThingThere()
    {
        string folder = TestPaths.NewScratchFolder("cli-streams-json");
        try
        {
            string prefix = CliFixtures.SaveA0Base(folder);
            string clip = CliFixtures.SaveClip(folder);

            var result = CliProcess.Run(folder, "predict", clip, "missing.npy", "--checkpoint", prefix, "--device", "cpu", "--json",
                "--logits-out", Path.Combine(folder, "logits.npy"));

            CliFixtures.AssertExit(3, result);
            using var json = JsonDocument.Parse(result.StandardOutput); // the whole of stdout is one JSON document
            Assert.Single(json.RootElement.GetProperty("predictions").EnumerateArray());
            Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
