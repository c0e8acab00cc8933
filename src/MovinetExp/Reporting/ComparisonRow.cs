namespace MovinetExp.Reporting;

/// <summary>One line of `dotnet movinet compare`: a metric in run A and run B, and B minus A (null when either is missing).</summary>
public sealed record ComparisonRow(string Metric, double? A, double? B, double? Delta);
