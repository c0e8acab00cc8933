using System.Text.RegularExpressions;
using MovinetExp.Checkpoints.Format;
using MovinetExp.Models;

namespace MovinetExp.Checkpoints;

/// <summary>Which MoViNet a checkpoint holds: model id, variant and number of classes.</summary>
/// <param name="ConvType">2plus1d for released stream checkpoints; 3d_2plus1d for stream models as TF trains them.</param>
public sealed record DetectedModel(string ModelId, MovinetVariant Variant, int NumClasses, ConvType ConvType = ConvType.Conv3d);

/// <summary>
/// Recognises a MoViNet checkpoint from its variables alone: the number of backbone block layers gives
/// the model id (15, 24, 26, 33, 47, 59 for A0-A5), 2D kernels (`_conv/_conv/`) mean a stream model
/// (3D kernels with separate `_conv_temporal` convs: a stream model in training layout), and
/// the classifier kernel's last dimension is the number of classes.
/// </summary>
public static partial class CheckpointModelDetector
{
    private static readonly Dictionary<int, string> IdByBlockLayers = new()
    {
        [15] = "a0", [24] = "a1", [26] = "a2", [33] = "a3", [47] = "a4", [59] = "a5",
    };

    [GeneratedRegex(@"^(?:model/layer_with_weights-0|backbone)/layer_with_weights-(\d+)/")]
    private static partial Regex BackboneChild();

    public static DetectedModel? TryDetect(string checkpointPath)
    {
        try
        {
            using var reader = TensorBundleReader.Open(checkpointPath);
            return TryDetect(reader);
        }
        catch (Common.CheckpointException)
        {
            return null;
        }
    }

    public static DetectedModel? TryDetect(TensorBundleReader reader)
    {
        int maxChild = -1;
        bool stream = false, temporalConv3d = false;
        long[]? classifier = null;
        foreach (var entry in reader.Entries)
        {
            var match = BackboneChild().Match(entry.Key);
            if (match.Success) maxChild = Math.Max(maxChild, int.Parse(match.Groups[1].Value));
            if (entry.Key.Contains("/_conv/_conv/", StringComparison.Ordinal)) stream = true;
            if (entry.Key.Contains("/_conv_temporal/kernel", StringComparison.Ordinal)) temporalConv3d = true;
            if (entry.Key.StartsWith("model/layer_with_weights-1/_classifier/", StringComparison.Ordinal) && entry.Key.Contains("kernel", StringComparison.Ordinal))
                classifier = entry.Shape;
        }
        // Children are the stem (0), the block layers (1..N) and the head (N+1).
        if (maxChild < 2 || classifier == null || !IdByBlockLayers.TryGetValue(maxChild - 1, out string? id)) return null;
        // Stream models trained as 3d_2plus1d keep Conv3D kernels (like base models) but add separate temporal convs.
        var conv = stream ? ConvType.TwoPlusOneD : temporalConv3d ? ConvType.Conv3dTwoPlusOneD : ConvType.Conv3d;
        return new DetectedModel(id, stream || temporalConv3d ? MovinetVariant.Stream : MovinetVariant.Base, (int)classifier[^1], conv);
    }
}
