using MovinetExp.Training;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Training;

/// <summary>Inference takes logits without labels: the same rows as the labelled evaluation, which also
/// computes a loss and accuracy that predict has no use for (it used to pass zero labels to get them).</summary>
public class UnlabelledLogitsTests
{
    [Fact]
    public void LogitsWithoutLabelsAreTheRowsOfTheForwardPass()
    {
        manual_seed(3);
        using var head = nn.Linear(4, 3);
        var inputs = Enumerable.Range(0, 8).Select(i => (float)Math.Sin(i)).ToArray();
        var rows = SupervisedLoop.Logits(head, inputs, [2, 4], CPU);

        using var expected = head.forward(tensor(inputs, new long[] { 2, 4 }));
        Assert.Equal(2, rows.Length);
        for (int r = 0; r < 2; r++)
            Assert.Equal(expected[r].data<float>().ToArray(), rows[r]);
        var labelled = SupervisedLoop.Evaluation(head, [new Batch(inputs, [2, 4], [2, 1])], CPU, CancellationToken.None).Logits;
        Assert.Equal(labelled, rows);
    }
}
