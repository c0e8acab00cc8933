namespace MovinetExp.Data.Inspection;

/// <summary>The whole inspected folder: classes with at least one usable video, usable videos (their frames and seconds), problem and skipped files.</summary>
public sealed record InspectionTotals(int Classes, int Videos, int ProblemFiles, int SkippedFiles, long Frames, double Seconds);
