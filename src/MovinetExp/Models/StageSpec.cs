namespace MovinetExp.Models;

/// <summary>A stage ("block{i}"): its output width and its block layers in order.</summary>
public sealed record StageSpec(int OutChannels, IReadOnlyList<BlockSpec> Layers);
