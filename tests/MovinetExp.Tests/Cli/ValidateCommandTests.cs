using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Cli;

/// <summary>`validate` prints the spec `run` would write to spec.resolved.yaml, byte for byte (it used to
/// print the spec before the installation's defaults and absolute paths were applied).</summary>
public class ValidateCommandTests
{
    [Theory]
    [InlineData("name: resolved\ndata:\n  source: folder\n  path: videos\nmodel:\n  checkpoint: none\n")]
    [InlineData("name: resolved\ndata:\n  source: ucf101\n  url: zips/UCF101.zip\nmodel:\n  checkpoint: weights/ckpt-1\n")]
    public void ValidatePrintsWhatRunWrites(string spec)
    {
        string folder = TestPaths.NewScratchFolder("cli-validate");
        try
        {
            File.WriteAllText(Path.Combine(folder, "spec.yaml"), spec);

            var validate = CliProcess.Run(folder, "validate", "spec.yaml");
            CliFixtures.AssertExit(0, validate);
            // The run stops at its data (none there) after writing the resolved spec into its folder.
            var run = CliProcess.Run(folder, "run", "spec.yaml", "--runs", "runs");
            Assert.NotEqual(0, run.ExitCode);
            string written = File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(folder, "runs"), "spec.resolved.yaml", SearchOption.AllDirectories)));

            Assert.Equal(written, validate.StandardOutput);
            Assert.Contains(Path.Combine(folder, spec.Contains("ucf101") ? "zips" : "videos"), validate.StandardOutput);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
