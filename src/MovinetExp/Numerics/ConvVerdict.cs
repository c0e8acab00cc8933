namespace MovinetExp.Numerics;

/// <summary>
/// The outcome of checking one problem on this machine, kept so that later processes need not check it
/// again: the algorithm that passed, its error, whether the preferred one had failed (and by how much),
/// and when. Valid only for the kernel environment it was found in (<see cref="IConvVerdictCache"/>).
/// </summary>
public sealed record ConvVerdict(string Problem, ConvAlgorithm Algorithm, double Error, bool Rerouted,
    double? PreferredError, DateTimeOffset CheckedAt)
{
    public static ConvVerdict Of(ConvRoute route) => new(route.Problem.ToString(), route.Algorithm, route.Checks[^1].WorstError,
        route.Rerouted, route.Rerouted ? route.Checks[0].WorstError : null, DateTimeOffset.UtcNow);
}
