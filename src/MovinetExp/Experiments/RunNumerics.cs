using MovinetExp.Numerics;
using MovinetExp.Reporting;

namespace MovinetExp.Experiments;

/// <summary>The routes of this process as the record written to a run's environment.json.</summary>
public static class RunNumerics
{
    public static NumericsRecord Record()
    {
        var routes = ConvRouter.All;
        return new NumericsRecord(KernelEnvironment.Current().ToString(), ConvRouter.RoutingEnabled, ConvRouter.CheckingEnabled,
            routes.Count, routes.Where(r => r.Rerouted).Select(r => $"{r.Problem}: {r.Preferred} -> {r.Algorithm}").ToArray(),
            routes.Select(r => new ConvRouteRecord(r.Problem.ToString(), r.Algorithm.ToString(), r.Error, r.Rerouted,
                r.Cached?.CheckedAt)).ToArray());
    }
}
