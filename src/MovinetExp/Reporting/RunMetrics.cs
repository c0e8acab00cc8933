using MovinetExp.Evaluation;

namespace MovinetExp.Reporting;

/// <summary>What metrics.json holds: the evaluation result and the expectation checks made against it.</summary>
public sealed record RunMetrics(EvaluationResult Result, IReadOnlyList<ExpectationCheck> Expectations);
