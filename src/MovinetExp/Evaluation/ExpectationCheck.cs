namespace MovinetExp.Evaluation;

/// <summary>
/// One row of the expectations table. <see cref="Actual"/> is null when the quantity was not measured
/// (for example video accuracy without video ids), which counts as a failure. <see cref="Detail"/> says
/// which class or why, when that matters to the reader.
/// </summary>
public sealed record ExpectationCheck(string Name, double Threshold, double? Actual, bool Passed, string? Detail = null);
