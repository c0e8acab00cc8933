namespace MovinetExp.Export;

/// <summary>
/// A feature map [B, C, T, H, W] in the graph being exported: its value name, channel count, and how many
/// times smaller its height and width are than the input's (stream-state shapes are named after it).
/// </summary>
internal sealed record OnnxFeature(string Value, long Channels, int Scale);
