using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Cli;

/// <summary>`run` failing on user errors: the documented exit code, a message naming the path, no stack trace (issue 14, items 6 and 7).</summary>
public class RunCommandTests
{
    private const string Spec = "name: bad-place\ndata:\n  source: synthetic\n";

    [Theory]
    [InlineData("a-file")]             // --runs names a regular file
    [InlineData("runs-with-file")]     // <runs>/<name> is a file
    [InlineData("/proc/movinet-runs")] // cannot be created at all
    public void ARunsFolderThatCannotHoldRunFoldersIsAUsageErrorNamingIt(string runs)
    {
        string folder = TestPaths.NewScratchFolder("cli-run-runs");
        try
        {
            File.WriteAllText(Path.Combine(folder, "spec.yaml"), Spec);
            File.WriteAllText(Path.Combine(folder, "a-file"), "");
            Directory.CreateDirectory(Path.Combine(folder, "runs-with-file"));
            File.WriteAllText(Path.Combine(folder, "runs-with-file", "bad-place"), "");

            var result = CliProcess.Run(folder, "run", "spec.yaml", "--runs", runs);

            CliFixtures.AssertExit(2, result);
            CliFixtures.AssertContains(runs, result.StandardError);
            CliFixtures.AssertContains("--runs", result.StandardError);
            Assert.DoesNotContain("Exception", result.Unwrapped);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ADataErrorDuringARunIsLoggedWithoutAStackTrace()
    {
        string folder = TestPaths.NewScratchFolder("cli-run-data-error");
        try
        {
            File.WriteAllText(Path.Combine(folder, "spec.yaml"), "name: no-videos\ndata:\n  source: folder\n  path: no-such-folder\nmodel:\n  checkpoint: none\n");

            var result = CliProcess.Run(folder, "run", "spec.yaml", "--runs", "runs");

            CliFixtures.AssertExit(3, result);
            CliFixtures.AssertContains("no-such-folder", result.StandardError);
            // Printed once (as "error: ..."), not a second time by the console logger.
            Assert.Single(CliFixtures.NoSpace(result.StandardError).Split("no-such-folder'doesnotexist").Skip(1));
            Assert.DoesNotContain("   at ", result.Unwrapped);
            Assert.DoesNotContain("DataException", result.Unwrapped);
            string log = File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(folder, "runs"), "log.txt", SearchOption.AllDirectories)));
            Assert.Contains("run failed: ", log);
            Assert.Contains("no-such-folder", log);
            Assert.DoesNotContain("   at ", log);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
