namespace MovinetExp.Specs;

/// <summary>The <c>expect:</c> section: optional quality gates checked after evaluation (null = not checked).</summary>
public sealed record ExpectSpec
{
    [SpecField("Minimum clip-level top-1 test accuracy.", Min = 0, Max = 1)]
    public double? TestAccuracy { get; init; }

    [SpecField("Minimum clip-level top-5 test accuracy.", Min = 0, Max = 1)]
    public double? Top5Accuracy { get; init; }

    [SpecField("Minimum video-level accuracy (clips averaged per video).", Min = 0, Max = 1)]
    public double? VideoAccuracy { get; init; }

    [SpecField("Minimum recall of the worst class.", Min = 0, Max = 1)]
    public double? MinClassRecall { get; init; }

    [SpecField("Minimum test-accuracy gain over the random-backbone baseline (needs eval.random_backbone_baseline).", Min = 0, Max = 1)]
    public double? MinGainOverBaseline { get; init; }

    [SpecField("Maximum mean test loss.", Min = 0, ExclusiveMin = true)]
    public double? MaxTestLoss { get; init; }
}
