using MovinetExp.Common;
using MovinetExp.Health;

namespace MovinetExp.Cli.Commands.Doctor;

/// <summary>The JSON form of a <see cref="NumericsDiagnosis"/> (doctor --json).</summary>
internal sealed record DoctorJson(object Environment, bool Routing, bool AllCorrect, IReadOnlyList<DoctorJson.Row> Problems)
{
    public sealed record Row(string Workload, string Problem, string Algorithm, bool Rerouted, double OutputError,
        double? InputGradientError, double? WeightGradientError, bool Passed, double CheckSeconds);

    public static DoctorJson From(NumericsDiagnosis d) => new(d.Environment, d.RoutingEnabled, d.AllCorrect,
        d.Rows.Select(r => new Row(EnumNames.Of(r.Workload), r.Route.Problem.ToString(),
            r.Route.Algorithm.ToString(), r.Route.Rerouted, r.Verdict.OutputError, r.Verdict.InputGradientError,
            r.Verdict.WeightGradientError, r.Verdict.Passed,
            // Time the routing spent checking candidates for this problem (what a first run pays).
            r.Route.Checks.Sum(c => c.Seconds))).ToArray());
}
