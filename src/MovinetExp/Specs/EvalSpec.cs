namespace MovinetExp.Specs;

/// <summary>The <c>eval:</c> section: how test videos are scored.</summary>
public sealed record EvalSpec
{
    [SpecField("Clips per test video; their predictions are averaged for the video-level accuracy.", Min = 1, Max = 32)]
    public int ClipsPerVideo { get; init; } = 1;

    [SpecField("k of the top-k accuracy.", Min = 1, Max = 100)]
    public int TopK { get; init; } = 5;

    [SpecField("Also train the same head on a randomly initialised frozen backbone and report both accuracies (shows what the checkpoint's features are worth).")]
    public bool RandomBackboneBaseline { get; init; } = false;
}
