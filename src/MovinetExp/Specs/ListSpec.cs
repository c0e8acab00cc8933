namespace MovinetExp.Specs;

/// <summary>The <c>data.list:</c> section: split files for <c>source: list</c> (paths relative to <c>data.path</c>).</summary>
public sealed class ListSpec
{
    [SpecField("Training list: one \"video-path label\" per line.")]
    public string? Train { get; init; }

    [SpecField("Validation list (optional).")]
    public string? Val { get; init; }

    [SpecField("Test list.")]
    public string? Test { get; init; }

    [SpecField("Class index file: one \"index name\" per line (optional; default: labels as found).")]
    public string? ClassIndex { get; init; }
}
