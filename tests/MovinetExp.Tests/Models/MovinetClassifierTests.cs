using MovinetExp.Common;
using MovinetExp.Models;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Models;

public class MovinetClassifierTests
{
    // docs/movinet-architecture.md table 4.1 (600 classes): variables, values incl. BN statistics, head values.
    [Theory]
    [InlineData("a0", MovinetVariant.Base, 334, 3_126_071, 2_214_488)]
    [InlineData("a0", MovinetVariant.Stream, 389, 3_765_983, 2_214_488)]
    [InlineData("a1", MovinetVariant.Base, 514, 4_717_912, 2_460_248)]
    [InlineData("a1", MovinetVariant.Stream, 599, 6_481_560, 2_460_248)]
    [InlineData("a2", MovinetVariant.Base, 554, 5_280_922, 2_542_168)]
    [InlineData("a2", MovinetVariant.Stream, 649, 7_366_050, 2_542_168)]
    [InlineData("a3", MovinetVariant.Base, 699, 7_443_289, 2_755_160)]
    [InlineData("a3", MovinetVariant.Stream, 847, 11_043_146, 2_755_160)]
    [InlineData("a4", MovinetVariant.Base, 974, 11_422_727, 2_984_536)]
    [InlineData("a4", MovinetVariant.Stream, 1196, 18_228_326, 2_984_536)]
    [InlineData("a5", MovinetVariant.Base, 1219, 18_763_355, 3_263_064)]
    [InlineData("a5", MovinetVariant.Stream, 1493, 31_636_734, 3_263_064)]
    public void VariableAndValueCountsMatchTable41(string id, MovinetVariant variant, int variables, long total, long head)
    {
        using var model = new MovinetClassifier(MovinetOptions.For(id, variant));
        var list = model.TfVariables();
        Assert.Equal(variables, list.Count);
        Assert.Equal(list.Count, list.Select(v => v.Path).Distinct().Count());
        var counts = model.CountParameters();
        Assert.Equal(total, counts.Total);
        Assert.Equal(head, counts.Head);
        // Trainable = everything except the BN moving statistics, which are exactly the non-Parameter tensors.
        long statistics = list.Where(v => v.Path.EndsWith("/moving_mean") || v.Path.EndsWith("/moving_variance"))
            .Sum(v => v.Count);
        Assert.Equal(total - statistics, counts.Trainable);
        Assert.Equal(model.parameters().Sum(p => p.numel()), counts.Trainable);
    }
}
