using MovinetExp.Specs;

namespace MovinetExp.Tests.Specs;

/// <summary>
/// The README's first command runs experiments/quickstart.yaml as an accuracy gate. The foundation issue
/// asked for test accuracy 0.9 within 5 minutes on 2 cores; the spec had been lowered to 0.85, which a
/// fresh machine then hit exactly (issue 14, item 16).
/// </summary>
public class QuickstartSpecTests
{
    private static ExperimentSpec Quickstart => SpecLoader.Load(Path.Combine(RepoFiles.Root, "experiments", "quickstart.yaml"));

    [Fact]
    public void TheQuickstartGatesAtTheAccuracyTheFoundationIssueAskedFor() =>
        Assert.Equal(0.9, Quickstart.Expect.TestAccuracy);

    [Fact]
    public void TheQuickstartStaysOfflineAndFromScratch()
    {
        var spec = Quickstart;
        Assert.Equal(DataSource.Synthetic, spec.Data.Source);
        Assert.Equal("none", spec.Model.Checkpoint);
    }
}
