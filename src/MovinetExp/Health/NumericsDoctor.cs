using MovinetExp.Models;
using MovinetExp.Numerics;

namespace MovinetExp.Health;

/// <summary>One problem as `doctor` reports it: the workload it came from, how it was routed, and the
/// verdict on the algorithm in use.</summary>
public sealed record NumericsRow(NumericsWorkload Workload, ConvRoute Route, ConvCheckResult Verdict);

/// <summary>What `doctor` found: the kernel environment and one row per convolution problem.</summary>
public sealed record NumericsDiagnosis(KernelEnvironment Environment, bool RoutingEnabled, IReadOnlyList<NumericsRow> Rows)
{
    public bool AllCorrect => Rows.All(r => r.Verdict.Passed);

    public int Rerouted => Rows.Count(r => r.Route.Rerouted);
}

/// <summary>
/// `doctor`: runs a model the ways the tool runs it (a zero clip; the values do not matter, only the
/// convolution problems they cause), lets <see cref="ConvRouter"/> route and check every problem, and
/// then gives a verdict on the algorithm each problem ends up with, with the sampled check or, with
/// <see cref="ConvCheckCoverage.Full"/>, every element against float64.
/// </summary>
public static class NumericsDoctor
{
    public static NumericsDiagnosis Diagnose(MovinetOptions options, IReadOnlyCollection<NumericsWorkload> workloads,
        long batch, long frames, long resolution, ConvCheckCoverage coverage, CancellationToken cancellation = default)
    {
        var rows = new List<NumericsRow>();
        // The doctor's job is to look again: verdicts of earlier processes are not reused.
        var cache = ConvRouter.Cache;
        ConvRouter.Cache = null;
        try
        {
            foreach (var workload in workloads)
                rows.AddRange(Diagnose(options, workload, batch, frames, resolution, coverage, cancellation));
        }
        finally
        {
            ConvRouter.Cache = cache;
        }

        return new NumericsDiagnosis(KernelEnvironment.Current(), ConvRouter.RoutingEnabled, rows);
    }

    private static IEnumerable<NumericsRow> Diagnose(MovinetOptions options, NumericsWorkload workload, long batch,
        long frames, long resolution, ConvCheckCoverage coverage, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        ConvRouter.Reset();
        using (var model = new MovinetClassifier(options))
        {
            switch (workload)
            {
                case NumericsWorkload.Inference: ModelWorkloads.Inference(model, batch, frames, resolution, resolution); break;
                case NumericsWorkload.Training: ModelWorkloads.Training(model, batch, frames, resolution, resolution); break;
                case NumericsWorkload.Streaming: ModelWorkloads.Streaming(model, batch, 2, resolution, resolution); break;
            }
        }

        var rows = new List<NumericsRow>();
        foreach (var route in ConvRouter.All)
        {
            cancellation.ThrowIfCancellationRequested();
            var verdict = coverage == ConvCheckCoverage.Sampled && route.Checks.Count > 0
                ? route.Checks[^1]
                : ConvCheck.Run(route.Problem, route.Algorithm, coverage);
            rows.Add(new NumericsRow(workload, route, verdict));
        }

        return rows;
    }
}
