using MovinetExp.Common;

namespace MovinetExp.Models;

/// <summary>
/// The block tables of MoViNet A0–A5 (TF Model Garden movinet.py, transcribed in
/// ../shared/design/movinet-architecture.md §4), written in the document's "E/t×h×w[/s2]" notation so the
/// table can be compared with the source line by line.
/// </summary>
public static class MovinetArchitectures
{
    /// <summary>Hidden width of the classifier head: 2048 for every released model.</summary>
    public const int HeadFilters = 2048;

    private static readonly Dictionary<string, ArchitectureSpec> Tables = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a0"] = Build("a0", stem: 8, project: 480,
            (8, "24/1x5x5/s2"),
            (32, "80/3x3x3/s2 80/3x3x3 80/3x3x3"),
            (56, "184/5x3x3/s2 112/3x3x3 184/3x3x3"),
            (56, "184/5x3x3 184/3x3x3 184/3x3x3 184/3x3x3"),
            (104, "384/5x3x3/s2 280/1x5x5 280/1x5x5 344/1x5x5")),
        ["a1"] = Build("a1", stem: 16, project: 600,
            (16, "40/1x5x5/s2 40/3x3x3"),
            (40, "96/3x3x3/s2 120/3x3x3 96/3x3x3 96/3x3x3"),
            (64, "216/5x3x3/s2 128/3x3x3 216/3x3x3 168/3x3x3 216/3x3x3"),
            (64, "216/5x3x3 216/3x3x3 216/3x3x3 128/3x3x3 128/1x5x5 216/3x3x3"),
            (136, "456/5x3x3/s2 360/1x5x5 360/1x5x5 360/1x5x5 456/1x5x5 456/3x3x3 544/1x3x3")),
        ["a2"] = Build("a2", stem: 16, project: 640,
            (16, "40/1x5x5/s2 40/3x3x3 64/3x3x3"),
            (40, "96/3x3x3/s2 120/3x3x3 96/3x3x3 96/3x3x3 120/3x3x3"),
            (72, "240/5x3x3/s2 160/3x3x3 240/3x3x3 192/3x3x3 240/3x3x3"),
            (72, "240/5x3x3 240/3x3x3 240/3x3x3 240/3x3x3 144/1x5x5 240/3x3x3"),
            (144, "480/5x3x3/s2 384/1x5x5 384/1x5x5 480/1x5x5 480/1x5x5 480/3x3x3 576/1x3x3")),
        ["a3"] = Build("a3", stem: 16, project: 744,
            (16, "40/1x5x5/s2 40/3x3x3 64/3x3x3 40/3x3x3"),
            (48, "112/3x3x3/s2 144/3x3x3 112/3x3x3 112/1x5x5 144/3x3x3 144/3x3x3"),
            (80, "240/5x3x3/s2 152/3x3x3 240/3x3x3 192/3x3x3 240/3x3x3"),
            (88, "264/5x3x3 264/3x3x3 264/3x3x3 264/3x3x3 160/1x5x5 264/3x3x3 264/3x3x3 264/3x3x3"),
            (168, "560/5x3x3/s2 448/1x5x5 448/1x5x5 560/1x5x5 560/1x5x5 560/3x3x3 448/1x5x5 448/1x5x5 560/3x3x3 672/1x3x3")),
        ["a4"] = Build("a4", stem: 24, project: 856,
            (24, "64/1x5x5/s2 64/3x3x3 96/3x3x3 64/3x3x3 96/3x3x3 64/3x3x3"),
            (56, "168/3x3x3/s2 168/3x3x3 136/3x3x3 136/3x3x3 168/3x3x3 168/3x3x3 168/3x3x3 136/1x5x5 136/3x3x3"),
            (96, "320/5x3x3/s2 160/3x3x3 320/3x3x3 192/3x3x3 320/3x3x3 160/3x3x3 320/3x3x3 256/3x3x3 320/3x3x3"),
            (96, "320/5x3x3 320/3x3x3 320/3x3x3 320/3x3x3 192/1x5x5 320/3x3x3 320/3x3x3 192/3x3x3 320/3x3x3 320/3x3x3"),
            (192, "640/5x3x3/s2 512/1x5x5 512/1x5x5 640/1x5x5 640/1x5x5 640/3x3x3 512/1x5x5 512/1x5x5 640/1x5x5 768/1x5x5 640/1x5x5 640/3x3x3 768/3x3x3")),
        ["a5"] = Build("a5", stem: 24, project: 992,
            (24, "64/1x5x5/s2 64/1x5x5 96/3x3x3 64/3x3x3 96/3x3x3 64/3x3x3"),
            (64, "192/5x3x3/s2 152/3x3x3 152/3x3x3 152/3x3x3 192/3x3x3 192/3x3x3 192/3x3x3 152/3x3x3 152/3x3x3 192/3x3x3 192/3x3x3"),
            (112, "376/5x3x3/s2 224/3x3x3 376/3x3x3 376/3x3x3 296/3x3x3 376/3x3x3 224/3x3x3 376/3x3x3 376/3x3x3 296/3x3x3 376/3x3x3 376/3x3x3 376/3x3x3"),
            (120, "376/5x3x3 376/3x3x3 376/3x3x3 376/3x3x3 224/1x5x5 376/3x3x3 376/3x3x3 224/3x3x3 376/3x3x3 376/3x3x3 376/3x3x3"),
            (224, "744/5x3x3/s2 744/3x3x3 600/1x5x5 600/1x5x5 744/1x5x5 744/1x5x5 744/3x3x3 896/1x5x5 600/1x5x5 600/1x5x5 896/1x5x5 744/1x5x5 744/3x3x3 896/1x5x5 600/1x5x5 600/1x5x5 744/1x5x5 744/3x3x3")),
    };

    /// <summary>The model ids in order: a0 … a5.</summary>
    public static IReadOnlyList<string> ModelIds { get; } = Tables.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The architecture of <paramref name="modelId"/> (a0 … a5, case-insensitive).</summary>
    /// <exception cref="UsageException">The id is not one of a0 … a5.</exception>
    public static ArchitectureSpec Get(string modelId) =>
        Tables.TryGetValue(modelId, out var spec)
            ? spec
            : throw new UsageException(
                $"Unknown MoViNet model id '{modelId}'; expected one of {string.Join(", ", Tables.Keys)}.");

    private static ArchitectureSpec Build(string id, int stem, int project, params (int Out, string Layers)[] stages) =>
        new(id, stem,
            stages.Select(s => new StageSpec(s.Out,
                s.Layers.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(BlockSpec.Parse).ToArray())).ToArray(),
            project, HeadFilters);
}
