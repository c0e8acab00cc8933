using MovinetExp.Evaluation;
using MovinetExp.Runs;

namespace MovinetExp.Experiments;

/// <summary>A finished run: its folder, test metrics and the spec's expectation checks.</summary>
public sealed record ExperimentOutcome(RunFolder Run, EvaluationResult Test, IReadOnlyList<ExpectationCheck> Checks)
{
    public bool Passed => Expectations.AllPassed(Checks);
}
