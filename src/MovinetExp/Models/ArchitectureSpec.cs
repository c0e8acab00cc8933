namespace MovinetExp.Models;

/// <summary>
/// The numbers that define one MoViNet model id: stem width, stages, head projection width and the
/// classifier's hidden width. The stem is always a 1×3×3 conv with spatial stride 2.
/// </summary>
public sealed record ArchitectureSpec(
    string ModelId, int StemFilters, IReadOnlyList<StageSpec> Stages, int ProjectFilters, int HeadFilters)
{
    public static readonly Size3 StemKernel = new(1, 3, 3);
    public static readonly Size3 StemStride = Size3.Spatial2;

    /// <summary>Number of block layers over all stages (15 for A0 … 59 for A5).</summary>
    public int LayerCount => Stages.Sum(s => s.Layers.Count);
}
