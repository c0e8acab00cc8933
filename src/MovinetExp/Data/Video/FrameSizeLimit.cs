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
    /// <summary>Pixels per frame at most: 7680 x 4320.</summary>
    public const long MaxPixels = 7680L * 4320;

    /// <summary>Throws the usual unreadable-video error when <paramref name="width"/> x <paramref name="height"/> is over the limit.</summary>
    /// <param name="source">Which header said so, for the message (e.g. "the video stream", "the JPEG header of frame 3").</param>
    public static void Check(string path, long width, long height, string source)
    {
        if (width * height <= MaxPixels) return;
        throw VideoFile.Unreadable(path,
            $"{source} claims frames of {width}x{height} pixels, more than the {MaxPixels} (7680x4320) the tool decodes");
    }
}
