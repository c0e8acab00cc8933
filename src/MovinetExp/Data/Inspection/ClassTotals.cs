namespace MovinetExp.Data.Inspection;

/// <summary>One class of an inspected folder: its usable videos with their frames and seconds, and its problem files.</summary>
public sealed record ClassTotals(string ClassName, int Videos, int ProblemFiles, long Frames, double Seconds);
