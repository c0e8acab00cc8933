using System.Globalization;
using System.Text.RegularExpressions;

namespace MovinetExp.Export;

/// <summary>
/// What an exported MoViNet promises its callers (README, "Deploying a trained model"): input and output
/// names, how stream-state entries are named and shaped, and the metadata keys. The exporter writes it and
/// the ONNX Runtime classifier reads it, so both sides use these constants.
/// </summary>
public static partial class OnnxContract
{
    /// <summary>The clip: float32 [batch, frames, height, width, 3], RGB in [0, 1] (what `predict` reads from .npy).</summary>
    public const string Video = "video";

    /// <summary>Logits [batch, classes], no softmax.</summary>
    public const string Logits = "logits";

    /// <summary>Every stream-state input is named state/&lt;entry&gt; (e.g. state/block1_layer0_stream_buffer).</summary>
    public const string StatePrefix = "state/";

    /// <summary>The output holding the next value of state input X is X + ":next"; feed it back as X.</summary>
    public const string NextSuffix = ":next";

    public const string BatchDim = "batch";

    // Metadata keys (ModelProto.metadata_props).
    public const string ModelIdKey = "model_id";
    public const string VariantKey = "variant";
    public const string LabelsKey = "labels";
    public const string FramesKey = "frames";
    public const string FrameStepKey = "frame_step";
    public const string ResolutionKey = "resolution";
    public const string ResizeKey = "resize";
    public const string HardSigmoidKey = "hard_sigmoid";
    public const string HardSigmoidFormulaKey = "hard_sigmoid_formula";
    public const string ToolVersionKey = "tool_version";
    public const string CheckpointSha256Key = "source_checkpoint_sha256";
    public const string SourceKey = "source";
    public const string StreamStateKey = "stream_state";

    /// <summary>The name of a state entry's input: "state_block1_layer0_stream_buffer" → "state/block1_layer0_stream_buffer".</summary>
    public static string StateInput(string stateKey) =>
        StatePrefix + (stateKey.StartsWith("state_", StringComparison.Ordinal) ? stateKey["state_".Length..] : stateKey);

    public static string StateOutput(string stateInput) => stateInput + NextSuffix;

    /// <summary>The symbolic dimension of a spatial size after <paramref name="scale"/>x downsampling: "ceil(height/8)".</summary>
    public static string ScaledDim(string axis, int scale) => scale == 1 ? axis : $"ceil({axis}/{scale})";

    /// <summary>
    /// The size a state dimension takes for a clip of batch × height × width: "batch" → batch, "ceil(height/N)" →
    /// ⌈height/N⌉, "ceil(width/N)" → ⌈width/N⌉, a fixed size → itself. Every initial state is zeros of these sizes.
    /// </summary>
    /// <exception cref="FormatException">The dimension is none of these (the file was not written by this tool).</exception>
    public static long StateDimension(string? symbol, long fixedSize, long batch, long height, long width)
    {
        if (string.IsNullOrEmpty(symbol)) return fixedSize;
        if (symbol == BatchDim) return batch;
        if (symbol == "height") return height;
        if (symbol == "width") return width;
        var match = ScaledPattern().Match(symbol);
        if (!match.Success) throw new FormatException($"unknown state dimension '{symbol}'");
        long scale = long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        long size = match.Groups[1].Value == "height" ? height : width;
        return (size + scale - 1) / scale;
    }

    [GeneratedRegex(@"^ceil\((height|width)/([1-9][0-9]*)\)$")]
    private static partial Regex ScaledPattern();
}
