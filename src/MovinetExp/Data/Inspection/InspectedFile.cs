using System.Text.Json.Serialization;

namespace MovinetExp.Data.Inspection;

/// <summary>
/// One file of a dataset folder as <c>data inspect</c> reports it. The video properties are null when
/// the file could not be probed; <see cref="Problem"/> says why a video cannot be used (it counts as a
/// problem file), <see cref="Skipped"/> why a file is not looked at (not a video, a repeated folder link).
/// </summary>
/// <param name="ClassName">The folder the file sits in.</param>
/// <param name="File">Path relative to the inspected folder, '/' separated.</param>
public sealed record InspectedFile(
    string ClassName,
    string File,
    string? Codec = null,
    double? Fps = null,
    int? ReportedFrames = null,
    int? DecodableFrames = null,
    int? Width = null,
    int? Height = null,
    double? Seconds = null,
    string? Problem = null,
    string? Skipped = null)
{
    /// <summary>A video that decodes and has no problem.</summary>
    [JsonIgnore]
    public bool IsUsable => Problem is null && Skipped is null && DecodableFrames > 0;
}
