using System.Collections.Concurrent;
using MovinetExp.Common;

namespace MovinetExp.Numerics;

/// <summary>
/// Chooses, once per problem and process, the algorithm that computes it. With checking on (the default)
/// the first use of a problem runs <see cref="ConvCheck"/> on the preferred algorithm, then on the
/// next ones until one passes, before any result of that problem is used; later uses cost a dictionary
/// lookup. Environment: <c>MOVINET_CONV_ROUTING=libtorch</c> sends every convolution to LibTorch as it
/// is (the routing switched off, to show what it guards against); <c>MOVINET_CONV_CHECK=0</c> skips
/// the checks and trusts the preferred algorithms; <c>MOVINET_CONV_PREFER=NAME[,NAME]</c> tries the named
/// algorithms first where they apply (still checked), to measure the alternatives against each other.
/// </summary>
public static class ConvRouter
{
    private static readonly ConcurrentDictionary<ConvProblem, ConvRoute> Routes = new();
    private static readonly object CheckLock = new();

    /// <summary>Raised once for every problem whose preferred algorithm failed its check on this machine.</summary>
    public static event Action<ConvRoute>? Rerouted;

    public static bool RoutingEnabled { get; } =
        !string.Equals(Environment.GetEnvironmentVariable("MOVINET_CONV_ROUTING"), "libtorch", StringComparison.OrdinalIgnoreCase);

    public static bool CheckingEnabled { get; set; } = Environment.GetEnvironmentVariable("MOVINET_CONV_CHECK") != "0";

    private static readonly Lazy<ConvAlgorithm[]> Preferred =
        new(() => ParsePreferred(Environment.GetEnvironmentVariable("MOVINET_CONV_PREFER")));

    /// <summary>Verdicts of earlier processes to reuse instead of checking again (null: check everything,
    /// what the tests and <c>doctor</c> do).</summary>
    public static IConvVerdictCache? Cache { get; set; }

    /// <summary>Every problem routed so far in this process, in first-use order.</summary>
    public static IReadOnlyList<ConvRoute> All => Routes.Values.OrderBy(r => r.Order).ToArray();

    /// <summary>Checker of one candidate; tests replace it to see routing react to a wrong algorithm.</summary>
    internal static Func<ConvProblem, ConvAlgorithm, ConvCheckResult> Checker { get; set; } =
        (problem, algorithm) => ConvCheck.Run(problem, algorithm);

    public static ConvAlgorithm Choose(ConvProblem problem)
    {
        if (Routes.TryGetValue(problem, out var known)) return Known(known);
        lock (CheckLock)
        {
            if (Routes.TryGetValue(problem, out known)) return Known(known);
            var route = Decide(problem) with { Order = Routes.Count };
            Routes[problem] = route;
            if (route.Rerouted && route.Verified) Rerouted?.Invoke(route);
            if (route.Cached is null && route.Verified) Cache?.Remember(route);
            return Known(route);
        }
    }

    /// <summary>Forgets every route (tests; a changed machine state such as a new thread count is a new
    /// problem anyway).</summary>
    public static void Reset() => Routes.Clear();

    private static ConvRoute Decide(ConvProblem problem)
    {
        if (!RoutingEnabled) return new ConvRoute(problem, ConvAlgorithm.LibTorch, Array.Empty<ConvCheckResult>());
        var candidates = ConvAlgorithms.For(problem)
            .OrderBy(a => Array.IndexOf(Preferred.Value, a) is var i && i >= 0 ? i : Preferred.Value.Length).ToArray();
        if (!CheckingEnabled) return new ConvRoute(problem, candidates[0], Array.Empty<ConvCheckResult>());
        if (Cache?.Find(problem) is { } verdict && candidates.Contains(verdict.Algorithm))
            return new ConvRoute(problem, verdict.Algorithm, Array.Empty<ConvCheckResult>()) { Cached = verdict };
        var checks = new List<ConvCheckResult>();
        foreach (var algorithm in candidates)
        {
            var result = Checker(problem, algorithm);
            checks.Add(result);
            if (result.Passed) return new ConvRoute(problem, algorithm, checks);
        }

        return new ConvRoute(problem, candidates[^1], checks);
    }

    private static ConvAlgorithm[] ParsePreferred(string? names) =>
        string.IsNullOrWhiteSpace(names) ? Array.Empty<ConvAlgorithm>()
        : names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => Enum.TryParse<ConvAlgorithm>(name, ignoreCase: true, out var a) ? a
                : throw new UsageException($"MOVINET_CONV_PREFER: '{name}' is not a convolution algorithm; expected " +
                    $"a comma-separated list of {string.Join(", ", Enum.GetNames<ConvAlgorithm>())}."))
            .ToArray();

    private static ConvAlgorithm Known(ConvRoute route) => route.Verified || route.Checks.Count == 0
        ? route.Algorithm
        : throw new NumericsException(
            $"No convolution algorithm gives correct results for {route.Problem} on this machine " +
            $"({string.Join("; ", route.Checks.Select(c => $"{c.Algorithm}: error {c.WorstError:E1}"))}). " +
            "Nothing was computed with it. Run `dotnet movinet doctor` and report its output; " +
            "ONEDNN_MAX_CPU_ISA=AVX2 (or AVX) makes LibTorch use other kernels.");
}
