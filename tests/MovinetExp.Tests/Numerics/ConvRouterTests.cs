using MovinetExp.Common;
using MovinetExp.Numerics;

namespace MovinetExp.Tests.Numerics;

/// <summary>Routing reacts to a failed check: the next algorithm that passes is used and announced once;
/// when none passes, nothing is computed. The checker is replaced to make an algorithm fail on purpose.</summary>
[Collection(nameof(ConvRouterTests))]
public class ConvRouterTests : IDisposable
{
    private readonly Func<ConvProblem, ConvAlgorithm, ConvCheckResult> _original = ConvRouter.Checker;
    private readonly bool _checking = ConvRouter.CheckingEnabled;

    public ConvRouterTests()
    {
        ConvRouter.CheckingEnabled = true;
    }

    public void Dispose()
    {
        ConvRouter.Checker = _original;
        ConvRouter.CheckingEnabled = _checking;
        ConvRouter.Reset();
    }

    [Fact]
    public void AFailingPreferredAlgorithmIsReplacedByOneThatPassesAndAnnouncedOnce()
    {
        // A problem no model has (odd sizes), so no other test has routed it.
        var problem = ConvProblems.Make(7, 7, 7, (3, 9, 9), (3, 3, 3), padding: (1, 1, 1), batch: 3);
        var checks = new List<ConvAlgorithm>();
        ConvRouter.Checker = (p, a) =>
        {
            if (p == problem) checks.Add(a);
            var real = ConvCheck.Run(p, a);
            return p == problem && a == ConvAlgorithms.For(p)[0] ? real with { OutputError = 0.5 } : real;
        };
        var announced = new List<ConvRoute>();
        void Listen(ConvRoute r) { if (r.Problem == problem) announced.Add(r); }
        ConvRouter.Rerouted += Listen;
        try
        {
            var first = ConvRouter.Choose(problem);
            var second = ConvRouter.Choose(problem);
            Assert.Equal(ConvAlgorithms.For(problem)[1], first);
            Assert.Equal(first, second);
            Assert.Equal(2, checks.Count); // checked once, not again on the second use
            var route = Assert.Single(announced);
            Assert.True(route.Rerouted && route.Verified);
        }
        finally
        {
            ConvRouter.Rerouted -= Listen;
        }
    }

    [Fact]
    public void WhenNoAlgorithmPassesTheRouterRefusesWithExitCode5()
    {
        var problem = ConvProblems.Make(5, 9, 1, (3, 7, 7), (1, 1, 1), batch: 3);
        ConvRouter.Checker = (p, a) => ConvCheck.Run(p, a) with { OutputError = p == problem ? 1.0 : 0 };
        var error = Assert.Throws<NumericsException>(() => ConvRouter.Choose(problem));
        Assert.Equal(ExitCodes.Numerics, error.ExitCode);
        Assert.Contains("pointwise 5->9", error.Message);
        Assert.Contains("doctor", error.Message);
    }
}
