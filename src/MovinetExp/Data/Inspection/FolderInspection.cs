namespace MovinetExp.Data.Inspection;

/// <summary>What <see cref="FolderInspector"/> found: every file, totals per class (ordinal order) and overall.</summary>
public sealed record FolderInspection(string Root, IReadOnlyList<InspectedFile> Files, IReadOnlyList<ClassTotals> Classes, InspectionTotals Total);
