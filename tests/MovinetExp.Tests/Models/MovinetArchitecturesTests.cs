using MovinetExp.Models;

namespace MovinetExp.Tests.Models;

public class MovinetArchitecturesTests
{
    [Theory]
    [InlineData("a0", 8, 15, 480, "8 32 56 56 104")]
    [InlineData("a1", 16, 24, 600, "16 40 64 64 136")]
    [InlineData("a2", 16, 26, 640, "16 40 72 72 144")]
    [InlineData("a3", 16, 33, 744, "16 48 80 88 168")]
    [InlineData("a4", 24, 47, 856, "24 56 96 96 192")]
    [InlineData("a5", 24, 59, 992, "24 64 112 120 224")]
    public void TablesHaveTheDocumentedShape(string id, int stem, int layers, int project, string stageWidths)
    {
        var spec = MovinetArchitectures.Get(id);
        Assert.Equal((stem, layers, project, 2048), (spec.StemFilters, spec.LayerCount, spec.ProjectFilters, spec.HeadFilters));
        Assert.Equal(stageWidths, string.Join(" ", spec.Stages.Select(s => s.OutChannels)));
        // ../shared/design/movinet-architecture.md §5.1: the strided layers are exactly block0/1/2/4_layer0,
        // block0_layer0 being 1×5×5.
        var strided = spec.Stages.SelectMany((s, i) => s.Layers.Select((l, j) => (i, j, l))).Where(x => x.l.IsStrided).ToList();
        Assert.Equal(new[] { (0, 0), (1, 0), (2, 0), (4, 0) }, strided.Select(x => (x.i, x.j)));
        Assert.Equal(new Size3(1, 5, 5), strided[0].l.Kernel);
        Assert.All(strided.Skip(1), x => Assert.Equal((3, 3), (x.l.Kernel.H, x.l.Kernel.W)));
    }

    [Fact]
    public void ParsesCompactNotation()
    {
        Assert.Equal(new BlockSpec(184, new Size3(5, 3, 3), Size3.Spatial2), BlockSpec.Parse("184/5x3x3/s2"));
        Assert.Equal(new BlockSpec(80, new Size3(3, 3, 3), Size3.One), BlockSpec.Parse("80/3x3x3"));
        Assert.Throws<FormatException>(() => BlockSpec.Parse("80/3x3"));
        Assert.Equal(new[] { "a0", "a1", "a2", "a3", "a4", "a5" }, MovinetArchitectures.ModelIds);
    }

    [Fact]
    public void A5LastStageMatchesTheSourceTable()
    {
        var last = MovinetArchitectures.Get("a5").Stages[4].Layers;
        Assert.Equal(18, last.Count);
        Assert.Equal("744 744 600 600 744 744 744 896 600 600 896 744 744 896 600 600 744 744",
            string.Join(" ", last.Select(l => l.Expansion)));
    }
}
