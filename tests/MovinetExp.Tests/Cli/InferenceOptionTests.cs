using MovinetExp.Common;

namespace MovinetExp.Tests.Cli;

/// <summary>
/// Out-of-range options are usage errors (exit 2) found before any work, with the error on standard
/// error and nothing on standard output (issue 14, items 26 and 27). The ranges of --frames,
/// --frame-step and --resolution are the spec's (data.frames, data.frame_step, data.resolution).
/// </summary>
public class InferenceOptionTests
{
    [Theory]
    [InlineData("--fps must be a number > 0 and <= 1000, not '0'", "--fps", "0")]
    [InlineData("--fps must be a number > 0 and <= 1000, not '-5'", "--fps", "-5")]
    [InlineData("--fps must be a number > 0 and <= 1000, not 'NaN'", "--fps", "NaN")]
    [InlineData("--device must be auto, cpu or cuda, not 'tpu' (did you mean 'cpu'?)", "--device", "tpu")]
    [InlineData("--frames must be an integer between 1 and 512, not 0", "--frames", "0")]
    [InlineData("--frames must be an integer between 1 and 512, not 100000", "--frames", "100000")]
    [InlineData("--frame-step must be an integer between 1 and 1000, not 0", "--frame-step", "0")]
    [InlineData("--resolution must be an integer between 16 and 1024, not 0", "--resolution", "0")]
    [InlineData("--resolution must be an integer between 16 and 1024, not 100000", "--resolution", "100000")]
    public void PredictRejectsAnOutOfRangeOption(string expected, params string[] option)
    {
        // A checkpoint that does not exist: without the check, loading it would fail with exit 4 instead.
        var result = CliProcess.Run(Path.GetTempPath(), ["predict", "clip.npy", "--checkpoint", "no-such-model/ckpt-1", .. option]);

        CliFixtures.AssertExit(ExitCodes.UsageOrSpec, result);
        CliFixtures.AssertContains(expected, result.StandardError);
        Assert.Equal("", result.StandardOutput);
    }

    [Theory]
    [InlineData("--max-frames must be at least 0, not -1", "--max-frames", "-1")]
    [InlineData("--device must be auto, cpu or cuda, not 'gpu'", "--device", "gpu")]
    public void StreamRejectsAnOutOfRangeOption(string expected, params string[] option)
    {
        var result = CliProcess.Run(Path.GetTempPath(), ["stream", "clip.npy", "--checkpoint", "no-such-model/ckpt-1", .. option]);

        CliFixtures.AssertExit(ExitCodes.UsageOrSpec, result);
        CliFixtures.AssertContains(expected, result.StandardError);
    }

    [Theory]
    [InlineData("--classes must be an integer between 1 and 100000, not 2000000000", "--classes", "2000000000")]
    [InlineData("--frames must be an integer between 1 and 512, not 0", "--frames", "0")]
    [InlineData("--resolution must be an integer between 16 and 1024, not 100000", "--resolution", "100000")]
    public void ModelSummaryRejectsAnOutOfRangeOption(string expected, params string[] option)
    {
        var result = CliProcess.Run(Path.GetTempPath(), ["model", "summary", "a0", .. option]);

        CliFixtures.AssertExit(ExitCodes.UsageOrSpec, result);
        CliFixtures.AssertContains(expected, result.StandardError);
    }
}
