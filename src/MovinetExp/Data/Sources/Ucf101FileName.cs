using System.Text.RegularExpressions;

namespace MovinetExp.Data.Sources;

/// <summary>
/// Reads the group and clip numbers from UCF101 file names (<c>v_ApplyEyeMakeup_g08_c01.avi</c>).
/// Copies found in the wild are often renamed (<c>UCF-101_Rowing_g16_c03.avi</c>), so only the
/// <c>_gNN_cNN</c> tail is trusted, never the <c>v_</c> prefix.
/// </summary>
public static partial class Ucf101FileName
{
    [GeneratedRegex(@"_g(\d+)_c(\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex GroupClipPattern();

    /// <summary>The group id as written in UCF101 names ("g08"), or null when the name carries none.</summary>
    public static string? GroupOf(string path)
    {
        Match m = GroupClipPattern().Match(Path.GetFileNameWithoutExtension(path));
        // Normalised to two digits so that "g8" and "g08" (both seen in renamed copies) are one group.
        return m.Success ? "g" + int.Parse(m.Groups[1].Value).ToString("00") : null;
    }

    /// <summary>The clip number within its group, or null when the name carries none.</summary>
    public static int? ClipOf(string path)
    {
        Match m = GroupClipPattern().Match(Path.GetFileNameWithoutExtension(path));
        return m.Success ? int.Parse(m.Groups[2].Value) : null;
    }
}
