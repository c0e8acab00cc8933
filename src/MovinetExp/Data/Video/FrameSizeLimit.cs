namespace MovinetExp.Data.Video;

/// <summary>
/// The largest frame the tool decodes. A video of a few kilobytes can claim frames of any size in its
/// headers (a 25 KB Motion-JPEG claiming 16384x16384 took `predict` to 4.1 GB and garbage), and decoding
/// allocates what the headers claim; so sizes are checked from the headers, before any frame is decoded
/// (README, "Known limits"). 8K UHD (7680x4320) is about 100 MB per decoded frame; no dataset the tool
/// targets comes near it, and frames are resized to at most 1024 px anyway.
/// </summary>
public static class FrameSizeLimit
{
    /// <summary>The default: 7680 x 4320 pixels per frame.</summary>
    public const long DefaultMaxPixels = 7680L * 4320;

    /// <summary>The environment variable that sets another limit (pixels per frame, a positive integer).</summary>
    public const string Variable = "MOVINET_MAX_FRAME_PIXELS";

    private static readonly Lazy<long> Configured = new(() => Parse(Environment.GetEnvironmentVariable(Variable)));

    /// <summary>Pixels per frame at most: <see cref="Variable"/> when set, else <see cref="DefaultMaxPixels"/>.</summary>
    /// <exception cref="Common.UsageException">The variable is set to something other than a positive integer.</exception>
    public static long MaxPixels => Configured.Value;

    /// <summary>Throws the usual unreadable-video error when <paramref name="width"/> x <paramref name="height"/> is over the limit.</summary>
    /// <param name="source">Which header said so, for the message (e.g. "the video stream", "the JPEG header of frame 3").</param>
    public static void Check(string path, long width, long height, string source) => Check(path, width, height, source, MaxPixels);

    internal static void Check(string path, long width, long height, string source, long maxPixels)
    {
        if (width * height <= maxPixels) return;
        throw VideoFile.Unreadable(path,
            $"{source} claims frames of {width}x{height} pixels, more than the {maxPixels} the tool decodes (set {Variable} to allow more)");
    }

    /// <summary>The limit a value of <see cref="Variable"/> sets (null or empty: the default).</summary>
    internal static long Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return DefaultMaxPixels;
        return long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long pixels) && pixels > 0
            ? pixels
            : throw new Common.UsageException($"{Variable} is '{value}'; expected a positive whole number of pixels per frame " +
                $"(default {DefaultMaxPixels}, 7680x4320), or leave it unset.");
    }
}
