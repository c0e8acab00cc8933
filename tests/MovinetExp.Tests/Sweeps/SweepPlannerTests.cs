using MovinetExp.Catalog;
using MovinetExp.Common;
using MovinetExp.Sweeps;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Sweeps;

/// <summary>Every point is validated like `run SPEC --set ...` before anything starts, and all problems come at once.</summary>
public sealed class SweepPlannerTests : IDisposable
{
    private readonly string _folder = TestPaths.NewScratchFolder("sweep-plan");
    private readonly string _spec;
    private readonly ToolCatalog _catalog = ToolCatalog.Load();

    public SweepPlannerTests()
    {
        _spec = Path.Combine(_folder, "spec.yaml");
        File.WriteAllText(_spec, """
            name: plan
            data: { source: synthetic, path: data, classes: [move_left, move_right] }
            model: { id: a0, checkpoint: none }
            train: { epochs: 1 }
            """);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ValidGridGivesEveryPointItsResolvedSpecAndRunFolder()
    {
        var plan = SweepPlanner.Plan(_spec, ["train.batch_size=2"], [GridAxis.Parse("train.lr=0.001,0.003"), GridAxis.Parse("model.freeze=backbone,none")], _catalog);

        Assert.Equal(4, plan.Points.Count);
        Assert.Equal("plan/lr-0.003_freeze-none", plan.Points[3].Run);
        Assert.Equal(0.003, plan.Specs[3].Train.Lr);
        Assert.Equal(2, plan.Specs[3].Train.BatchSize);
        // Paths are resolved as `run` resolves them: relative to the spec file.
        Assert.Equal(Path.Combine(_folder, "data"), plan.Specs[0].Data.Path);
    }

    [Fact]
    public void EveryInvalidPointIsReportedInOneErrorWithTheValueItGot()
    {
        var e = Assert.Throws<UsageException>(() => SweepPlanner.Plan(_spec, [],
            [GridAxis.Parse("train.lr=abc,0.003"), GridAxis.Parse("train.epochs=1,zero")], _catalog));

        Assert.Equal(ExitCodes.UsageOrSpec, e.ExitCode);
        Assert.Contains("3 of 4 sweep points are invalid; nothing was started", e.Message);
        Assert.Contains("lr-abc_epochs-1 (train.lr=abc, train.epochs=1)", e.Message);
        Assert.Contains("got \"abc\"", e.Message);
        Assert.Contains("got \"zero\"", e.Message);
        Assert.DoesNotContain("lr-0.003_epochs-1 ", e.Message);
    }

    [Fact]
    public void AnUnknownGridKeyIsOneProblemWithADidYouMean()
    {
        var e = Assert.Throws<UsageException>(() => SweepPlanner.Plan(_spec, [], [GridAxis.Parse("train.lrr=1,2,3")], _catalog));

        Assert.Contains("every point:", e.Message);
        Assert.Contains("--grid train.lrr: train.lrr: unknown key 'lrr'", e.Message);
        Assert.Contains("did you mean 'lr'?", e.Message);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(e.Message, "unknown key"));
    }

    [Fact]
    public void AKeyInBothSetAndGridIsRefused()
    {
        var e = Assert.Throws<UsageException>(() => SweepPlanner.Plan(_spec, ["train.lr=0.01"], [GridAxis.Parse("train.lr=1,2")], _catalog));
        Assert.Contains("train.lr: given both with --set (or --expect-all) and with --grid", e.Message);
    }
}
