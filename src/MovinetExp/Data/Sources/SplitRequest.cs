namespace MovinetExp.Data.Sources;

/// <summary>What a source should pick: which classes, how many videos per class and split, how to deal them, and the seed.</summary>
public sealed record SplitRequest(ClassSelection Classes, SplitCounts Counts, SplitPolicy Policy = SplitPolicy.Group, int Seed = 0);
