using MovinetExp.Tests.Support;
using MovinetExp.Runs;

namespace MovinetExp.Tests.Cli;

/// <summary>`eval RUN --checkpoint C` needs a checkpoint for the run's classes (issue 14, item 23).</summary>
public class EvalCommandTests
{
    [Fact]
    public void ACheckpointWithAnotherClassCountThanTheRunIsACheckpointError()
    {
        string folder = TestPaths.NewScratchFolder("cli-eval-classes");
        try
        {
            var run = RunFolder.Create(Path.Combine(folder, "runs"), "two-classes", "0123456789abcdef", DateTime.UtcNow);
            File.WriteAllText(run.SpecResolvedYaml, $"""
                name: two-classes
                data:
                  source: synthetic
                  path: {Path.Combine(folder, "synthetic")}
                  classes: [move_left, move_right]
                  split: {"{"} train: 2, val: 0, test: 2 {"}"}
                  frames: 2
                  resolution: 32
                  synthetic: {"{"} videos_per_class: 4, frames_per_video: 8, size: 32 {"}"}
                model:
                  checkpoint: none
                """);
            File.WriteAllText(run.LabelsTxt, "move_left\nmove_right\n");
            string kinetics = CliFixtures.SaveA0Base(folder, classes: 600);

            var result = CliProcess.Run(folder, "eval", run.Directory, "--checkpoint", kinetics);

            CliFixtures.AssertExit(4, result);
            CliFixtures.AssertContains("600 classes", result.Unwrapped);
            CliFixtures.AssertContains("2 classes", result.Unwrapped);
            Assert.DoesNotContain("Exception", result.Unwrapped);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
