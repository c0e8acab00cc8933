namespace MovinetExp.Specs;

/// <summary>The <c>data.synthetic:</c> section: generated videos for smoke tests without downloads.</summary>
public sealed record SyntheticSpec
{
    [SpecField("Names of the motion kinds to generate, one per class (default: the generator's own list).")]
    public IReadOnlyList<string>? Kinds { get; init; }

    [SpecField("Videos generated per class.", Min = 1, Max = 100000)]
    public int VideosPerClass { get; init; } = 50;

    [SpecField("Frames per generated video.", Min = 1, Max = 10000)]
    public int FramesPerVideo { get; init; } = 48;

    [SpecField("Side of the square generated frames, in pixels.", Min = 16, Max = 1024)]
    public int Size { get; init; } = 128;

    [SpecField("Frame rate written into the generated videos.", Min = 1, Max = 240)]
    public int Fps { get; init; } = 25;
}
