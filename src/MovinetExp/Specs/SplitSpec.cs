namespace MovinetExp.Specs;

/// <summary>The <c>data.split:</c> section: how many videos of each class go to each split.</summary>
public sealed class SplitSpec
{
    [SpecField("Training videos per class.", Min = 1)]
    public int Train { get; init; } = 30;

    [SpecField("Validation videos per class (0 = no validation split).", Min = 0)]
    public int Val { get; init; } = 0;

    [SpecField("Test videos per class.", Min = 1)]
    public int Test { get; init; } = 20;
}
