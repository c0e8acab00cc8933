namespace MovinetExp.Models;

/// <summary>TF's state-entry names (../shared/design/movinet-architecture.md §6.2), built from a layer prefix such as
/// state_block1_layer0.</summary>
internal static class StreamKeys
{
    public const string HeadPrefix = "state_head";
    public const string HeadPoolFrameCount = HeadPrefix + "_pool_frame_count";

    public const string StemPrefix = "state_stem";

    /// <summary>Prefix of a block layer's entries: "block1_layer0" → "state_block1_layer0".</summary>
    public static string LayerPrefix(string layerName) => "state_" + layerName;
    public static string StreamBuffer(string prefix) => prefix + "_stream_buffer";
    public static string PoolBuffer(string prefix) => prefix + "_pool_buffer";
    public static string PoolFrameCount(string prefix) => prefix + "_pool_frame_count";
    public static string PositionFrameCount(string prefix) => prefix + "_pos_enc_frame_count";
}
