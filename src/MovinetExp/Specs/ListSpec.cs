namespace MovinetExp.Specs;

/// <summary>The <c>data.list:</c> section: split files for <c>source: list</c> (paths relative to <c>data.path</c>).</summary>
public sealed record ListSpec
{
    [SpecField("Training list, UCF101 style (trainlist01.txt): one \"Class/video.avi label\" per line.")]
    public string? Train { get; init; }

    [SpecField("Validation list, same format (optional; default: validation videos are taken from the training list).")]
    public string? Val { get; init; }

    [SpecField("Test list, UCF101 style (testlist01.txt): one \"Class/video.avi\" per line.")]
    public string? Test { get; init; }

    [SpecField("Class index, UCF101 style (classInd.txt): one \"index ClassName\" per line.")]
    public string? ClassIndex { get; init; }
}
