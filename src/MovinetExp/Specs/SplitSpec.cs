namespace MovinetExp.Specs;

/// <summary>The <c>data.split:</c> section: how many videos of each class go to each split (train and test may be all the listed ones).</summary>
public sealed record SplitSpec
{
    [SpecField("Training videos per class, or all (source: list only: every video the training list names).", Min = 1)]
    public SplitSize Train { get; init; } = 30;

    [SpecField("Validation videos per class (0 = no validation split).", Min = 0)]
    public int Val { get; init; } = 0;

    [SpecField("Test videos per class, or all (source: list only: every video the test list names).", Min = 1)]
    public SplitSize Test { get; init; } = 20;
}
