using MovinetExp.Data.Loading;
using MovinetExp.Data.Sources;
using MovinetExp.Data.Video;

namespace MovinetExp.Specs;

/// <summary>The <c>data:</c> section: which videos, which classes, how clips are cut from them.</summary>
public sealed record DataSpec
{
    [SpecField("Where the videos come from.", Required = true)]
    public DataSource Source { get; init; }

    [SpecField("folder: root with one sub-folder per class; list: folder the list files are relative to; synthetic: output folder (default <cache>/synthetic/<hash>).")]
    public string? Path { get; init; }

    [SpecField("ucf101 only: the UCF101 zip, an http(s) URL (read by range requests), a file:// URL or a path relative to the spec (default from the tool catalogue).")]
    public string? Url { get; init; }

    [SpecField("Number of classes to take (the first N), or the list of class names to use.", Min = 2)]
    public ClassSelection Classes { get; init; } = ClassSelection.FirstN(10);

    [SpecField("Videos per class in each split.")]
    public SplitSpec Split { get; init; } = new();

    [SpecField("group keeps all clips of one recording group in the same split (no leakage); random ignores groups.")]
    public SplitPolicy SplitPolicy { get; init; } = SplitPolicy.Group;

    [SpecField("source: list only: the split list files.")]
    public ListSpec List { get; init; } = new();

    /// <summary>Bounds of <see cref="Frames"/>, <see cref="FrameStep"/> and <see cref="Resolution"/>; the CLI's --frames, --frame-step and --resolution share them.</summary>
    public const int MaxFrames = 512, MaxFrameStep = 1000, MinResolution = 16, MaxResolution = 1024;

    [SpecField("Frames per clip.", Min = 1, Max = MaxFrames)]
    public int Frames { get; init; } = 8;

    [SpecField("Source frames between two clip frames (temporal stride).", Min = 1, Max = MaxFrameStep)]
    public int FrameStep { get; init; } = 15;

    [SpecField("Side of the square frames fed to the model, in pixels.", Min = MinResolution, Max = MaxResolution)]
    public int Resolution { get; init; } = 224;

    [SpecField("pad keeps the whole frame (letterbox); crop cuts the centre square.")]
    public ResizeMode Resize { get; init; } = ResizeMode.Pad;

    [SpecField("Clip start for training videos.")]
    public ClipStart TrainSampling { get; init; } = ClipStart.Random;

    [SpecField("Clip start for validation and test videos.")]
    public ClipStart TestSampling { get; init; } = ClipStart.Centre;

    [SpecField("skip leaves undecodable videos out (and reports them); fail stops the run.")]
    public BadVideoPolicy BadFiles { get; init; } = BadVideoPolicy.Skip;

    [SpecField("Parallel video decoders; 0 = one per core.", Min = 0, Max = 64)]
    public int Workers { get; init; } = 0;

    [SpecField("Keep decoded clips in an on-disk cache.")]
    public bool Cache { get; init; } = true;

    [SpecField("source: synthetic only: how the generated videos look.")]
    public SyntheticSpec Synthetic { get; init; } = new();
}
