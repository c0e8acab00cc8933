namespace MovinetExp.Data.Video;

/// <summary>What <see cref="VideoProbe"/> finds out about a video file.</summary>
/// <param name="FourCC">Codec tag as four characters; non-printable bytes shown as [n] (raw streams give [0][0][0][0]).</param>
/// <param name="ReportedFrames">Frame count the container claims (0 if none).</param>
/// <param name="DecodableFrames">Frames that actually decode, counted by grabbing them all.</param>
/// <param name="Fps">Frame rate the decoder reports; for raw elementary streams (no container timing) only FFmpeg's guess.</param>
/// <param name="DurationSeconds">DecodableFrames / Fps (0 when the fps is unknown).</param>
public sealed record VideoInfo(
    string Path, string FourCC, double Fps, int ReportedFrames, int DecodableFrames, int Width, int Height, double DurationSeconds);
