using MovinetExp.Health;
using MovinetExp.Numerics;
using MovinetExp.Tests.Numerics;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Health;

/// <summary>Verdicts of earlier processes: reused under the same kernel environment without checking
/// again, never under another one, and a damaged file only costs a new check.</summary>
[Collection(nameof(ConvRouterTests))]
public class ConvVerdictFileTests : IDisposable
{
    private readonly Func<ConvProblem, ConvAlgorithm, ConvCheckResult> _checker = ConvRouter.Checker;
    private readonly IConvVerdictCache? _cache = ConvRouter.Cache;
    private readonly bool _checking = ConvRouter.CheckingEnabled;
    private readonly string _folder = TestPaths.NewScratchFolder("verdicts");

    public ConvVerdictFileTests()
    {
        ConvRouter.CheckingEnabled = true;
        ConvRouter.Reset();
    }

    public void Dispose()
    {
        ConvRouter.Checker = _checker;
        ConvRouter.Cache = _cache;
        ConvRouter.CheckingEnabled = _checking;
        ConvRouter.Reset();
        Directory.Delete(_folder, recursive: true);
    }

    // Odd sizes no model has, so no other test routed them.
    private static readonly ConvProblem Problem = ConvProblems.Make(9, 9, 9, (3, 7, 5), (3, 3, 3), padding: (1, 1, 1), batch: 3);

    [Fact]
    public void AVerdictFoundByOneProcessIsReusedByTheNextWithoutChecking()
    {
        var checks = CountChecks();
        ConvRouter.Cache = new ConvVerdictFile(_folder);
        var first = ConvRouter.Choose(Problem);
        Assert.Equal(1, checks[Problem]);

        ConvRouter.Reset(); // a new process: empty routes, the same folder
        ConvRouter.Cache = new ConvVerdictFile(_folder);
        Assert.Equal(first, ConvRouter.Choose(Problem));
        Assert.Equal(1, checks[Problem]);
        var route = ConvRouter.All.Single(r => r.Problem == Problem);
        Assert.NotNull(route.Cached);
        Assert.True(route.Verified);
        Assert.Contains(Problem.ToString(), File.ReadAllText(((ConvVerdictFile)ConvRouter.Cache).Path));
    }

    [Fact]
    public void AReroutedVerdictIsReusedAndStillReportedAsRerouted()
    {
        ConvRouter.Checker = (p, a) => ConvCheck.Run(p, a) with { OutputError = p == Problem && a == ConvAlgorithms.For(p)[0] ? 0.5 : 0 };
        ConvRouter.Cache = new ConvVerdictFile(_folder);
        var rerouted = ConvRouter.Choose(Problem);
        Assert.NotEqual(ConvAlgorithms.For(Problem)[0], rerouted);

        ConvRouter.Reset();
        ConvRouter.Checker = (_, _) => throw new InvalidOperationException("checked although a verdict was kept");
        ConvRouter.Cache = new ConvVerdictFile(_folder);
        var announced = new List<ConvRoute>();
        void Listen(ConvRoute r) { if (r.Problem == Problem) announced.Add(r); }
        ConvRouter.Rerouted += Listen;
        try
        {
            Assert.Equal(rerouted, ConvRouter.Choose(Problem));
            var route = Assert.Single(announced);
            Assert.Equal(0.5, route.PreferredError);
        }
        finally
        {
            ConvRouter.Rerouted -= Listen;
        }
    }

    [Fact]
    public void VerdictsOfAnotherKernelEnvironmentAreNotUsed()
    {
        // The same file, as if written under another oneDNN cap.
        var (checks, _, _) = CheckAlterAndChooseAgain(text => text.Replace("ONEDNN_MAX_CPU_ISA", "ONEDNN_MAX_CPU_ISA AVX2 was"));
        Assert.Equal(2, checks);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"environment\": null, \"verdicts\": [null]}")]
    [InlineData("")]
    public void ADamagedFileIsCheckedAgainAndRewritten(string damage)
    {
        var (checks, _, reopened) = CheckAlterAndChooseAgain(_ => damage);
        Assert.Equal(2, checks);
        Assert.Contains(Problem.ToString(), File.ReadAllText(reopened.Path));
    }

    [Fact]
    public void AVerdictNamingAnAlgorithmThatCannotComputeTheProblemIsIgnored()
    {
        // Gemm computes pointwise convolutions only; a verdict must never route a depthwise problem to it.
        var (checks, chosen, _) = CheckAlterAndChooseAgain(text => text.Replace("\"lib_torch\"", "\"gemm\""));
        Assert.Equal(ConvAlgorithms.For(Problem)[0], chosen);
        Assert.Equal(2, checks);
    }

    /// <summary>Checks <see cref="Problem"/> with a verdict file, rewrites the file with <paramref name="alter"/>,
    /// then routes it again as a new process would: how often it was checked, what was chosen, the new file.</summary>
    private (int Checks, ConvAlgorithm Chosen, ConvVerdictFile Reopened) CheckAlterAndChooseAgain(Func<string, string> alter)
    {
        var checks = CountChecks();
        var file = new ConvVerdictFile(_folder);
        ConvRouter.Cache = file;
        ConvRouter.Choose(Problem);
        File.WriteAllText(file.Path, alter(File.ReadAllText(file.Path)));

        ConvRouter.Reset();
        var reopened = new ConvVerdictFile(_folder);
        ConvRouter.Cache = reopened;
        var chosen = ConvRouter.Choose(Problem);
        return (checks[Problem], chosen, reopened);
    }

    private static Dictionary<ConvProblem, int> CountChecks()
    {
        var checks = new Dictionary<ConvProblem, int> { [Problem] = 0 };
        ConvRouter.Checker = (p, a) =>
        {
            lock (checks) checks[p] = checks.GetValueOrDefault(p) + 1;
            return ConvCheck.Run(p, a);
        };
        return checks;
    }
}
