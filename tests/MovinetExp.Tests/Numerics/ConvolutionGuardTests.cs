using MovinetExp.Models;
using MovinetExp.Numerics;

namespace MovinetExp.Tests.Numerics;

/// <summary>
/// The numerics guard on the machine that runs the tests: every convolution problem the twelve models
/// cause (inference at batch 1 and 2; training of A0 base and stream at batch 2 and 8; stream models frame
/// by frame), computed with the algorithm the router uses for it, against float64 element by element,
/// forward and backward. It fails where the routing does not avoid a wrong kernel (run the suite with
/// MOVINET_CONV_ROUTING=libtorch on an AVX-512 machine to see it fail).
/// </summary>
[Collection(nameof(ConvRouterTests))]
public class ConvolutionGuardTests
{
    public static TheoryData<string, string> Models()
    {
        var data = new TheoryData<string, string>();
        foreach (string id in MovinetArchitectures.ModelIds)
        foreach (string variant in new[] { "base", "stream" })
            data.Add(id, variant);
        return data;
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void EveryConvolutionOfTheModelIsRight(string id, string variant)
    {
        var options = MovinetOptions.For(id, variant == "stream" ? MovinetVariant.Stream : MovinetVariant.Base);
        using var model = new MovinetClassifier(options);
        var problems = Census(() =>
        {
            foreach (long batch in new long[] { 1, 2 }) ModelWorkloads.Inference(model, batch, 8, 48, 48);
            if (id == "a0")
                foreach (long batch in new long[] { 2, 8 }) ModelWorkloads.Training(model, batch, 8, 48, 48);
            if (options.Causal) ModelWorkloads.Streaming(model, 1, 2, 48, 48);
        });
        var wrong = problems.Select(r => ConvCheck.Run(r.Problem, r.Algorithm, ConvCheckCoverage.Full))
            .Where(c => !c.Passed).ToList();
        Assert.True(wrong.Count == 0, $"{id} {variant}: {wrong.Count} of {problems.Count} convolution problems wrong:\n" +
            string.Join("\n", wrong.Select(c => $"{c.Algorithm} {c.Problem}: output {c.OutputError:E1}, " +
                $"dx {c.InputGradientError:E1}, dw {c.WeightGradientError:E1}")));
    }

    /// <summary>The distinct problems <paramref name="workload"/> routes, with the algorithm the routing
    /// prefers for each (start-up checks off: this guards the preferences themselves).</summary>
    private static IReadOnlyList<ConvRoute> Census(Action workload)
    {
        bool checking = ConvRouter.CheckingEnabled;
        ConvRouter.Reset();
        ConvRouter.CheckingEnabled = false;
        try { workload(); }
        finally { ConvRouter.CheckingEnabled = checking; }
        var routes = ConvRouter.All;
        ConvRouter.Reset();
        Assert.NotEmpty(routes);
        return routes;
    }
}
[CollectionDefinition(nameof(ConvRouterTests), DisableParallelization = true)]
public class ConvRouterCollection;
