namespace MovinetExp.Models;

/// <summary>A stage ("block{i}"): its output width and its block layers in order.</summary>
/// <param name="OutChannels">The stage's base_filters: output width of every layer in it.</param>
public sealed record StageSpec(int OutChannels, IReadOnlyList<BlockSpec> Layers);
