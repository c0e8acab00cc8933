using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Data.Video;

/// <summary>The 45 real clips listed in shared/data/videos/MANIFEST.tsv, and a few with known quirks.</summary>
internal static class RealVideos
{
    public static IEnumerable<string> All() =>
        File.ReadLines(Path.Combine(TestPaths.Videos, "MANIFEST.tsv")).Skip(1)
            .Select(line => Path.Combine(TestPaths.Videos, line.Split('\t')[0]));

    /// <summary>Cinepak AVI: reports 444 frames, decodes 68.</summary>
    public static string Tree => Path.Combine(TestPaths.Videos, "other/opencv-doc/tree.avi");

    /// <summary>Raw MPEG-4 stream named .mp4: no frame count; 101 frames by decoding (manifest).</summary>
    public static string RawStream => Path.Combine(TestPaths.Videos, "ucf101/Basketball/v_Basketball_g07_c04.mp4");

    /// <summary>MKV that reports 78 frames and decodes 77.</summary>
    public static string MkvOffByOne => Path.Combine(TestPaths.Videos, "other/intel-sample-videos/asl_gestures/again.mkv");

    /// <summary>UCF101 XVID AVI, 320x240, 201 frames, count stored in the container.</summary>
    public static string Ucf101Avi => Path.Combine(TestPaths.Videos, "ucf101/Biking/v_Biking_g05_c02.avi");

    /// <summary>H.264 MP4 with the moov box first, 640x480, 456 reported / 455 decodable frames.</summary>
    public static string MoovFirstMp4 => Path.Combine(TestPaths.Videos, "other/opencv-doc/box.mp4");
}
