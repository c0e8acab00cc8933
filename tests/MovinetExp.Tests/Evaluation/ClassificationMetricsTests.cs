using MovinetExp.Evaluation;

namespace MovinetExp.Tests.Evaluation;

public class ClassificationMetricsTests
{
    private const double Tol = 1e-9;

    [Fact]
    public void ConfusionMatrix_RowsTrue_ColumnsPredicted_TieGoesToLowestIndex()
    {
        // Predictions: a->a, b->b, a->c, c->b (tie b/c resolved to b).
        //            pred a  b  c
        // true a        1   0  1
        // true b        0   1  0
        // true c        0   1  0
        int[,] expected = { { 1, 0, 1 }, { 0, 1, 0 }, { 0, 1, 0 } };
        Assert.Equal(expected, EvaluationFixtures.Compute().ConfusionMatrix);
    }

    [Fact]
    public void Accuracies_MatchHandCount()
    {
        EvaluationResult r = EvaluationFixtures.Compute(topK: 2);
        Assert.Equal(4, r.ClipCount);
        Assert.Equal(0.5, r.Top1Accuracy, Tol); // 2 of 4 right
        // Top-2: clip 2 (true a=1) is beaten only by c=2 -> rank 1; clip 3 (true c=1) ties b=1 which has
        // the lower index -> rank 1. Every clip is within the top 2.
        Assert.Equal(2, r.TopK);
        Assert.Equal(1.0, r.TopKAccuracy, Tol);
        // Top-1 via the top-k path must agree with argmax, ties included.
        Assert.Equal(r.Top1Accuracy, EvaluationFixtures.Compute(topK: 1).TopKAccuracy, Tol);
    }

    [Fact]
    public void TopK_IsClampedToClassCount()
    {
        EvaluationResult r = EvaluationFixtures.Compute(topK: 5);
        Assert.Equal(3, r.TopK);
        Assert.Equal(1.0, r.TopKAccuracy, Tol);
    }

    [Fact]
    public void MeanLoss_IsMeanNegativeLogSoftmaxOfTrueClass()
    {
        // loss = log(sum exp(x)) - x[label]:
        //  [2,1,0] a: log(e^2+e+1)   - 2 = 2.4076060 - 2 = 0.4076060
        //  [0,3,1] b: log(1+e^3+e)   - 3 = 3.1698460 - 3 = 0.1698460
        //  [1,0,2] a: log(e+1+e^2)   - 1 = 2.4076060 - 1 = 1.4076060
        //  [0,1,1] c: log(1+e+e)     - 1 = 1.8619948 - 1 = 0.8619948
        // mean = 2.8470527 / 4 = 0.7117632
        Assert.Equal(0.7117631881, EvaluationFixtures.Compute().MeanLoss, 1e-9);
    }

    [Fact]
    public void PerClassAndMacroF1_MatchHandComputation()
    {
        // a: TP 1, predicted-as-a 1, support 2 -> P 1,   R 0.5, F1 2*0.5/1.5 = 2/3
        // b: TP 1, predicted-as-b 2, support 1 -> P 0.5, R 1,   F1 2/3
        // c: TP 0, predicted-as-c 1, support 1 -> P 0,   R 0,   F1 0/0 := 0
        // macro F1 = (2/3 + 2/3 + 0) / 3 = 4/9
        EvaluationResult r = EvaluationFixtures.Compute();
        AssertClass(r.PerClass[0], "a", 1, 0.5, 2.0 / 3, 2);
        AssertClass(r.PerClass[1], "b", 0.5, 1, 2.0 / 3, 1);
        AssertClass(r.PerClass[2], "c", 0, 0, 0, 1);
        Assert.Equal(4.0 / 9, r.MacroF1, Tol);
        Assert.Equal("c", r.WorstRecallClass!.ClassName);
    }

    [Fact]
    public void ClassWithNoClipsAndNoPredictions_ScoresZero_AndCountsInMacroAverage()
    {
        // Two clips, both right; class "unused" never occurs: P = 0/0 := 0, R = 0/0 := 0, F1 := 0.
        // macro F1 = (1 + 1 + 0) / 3.
        float[][] logits = [[5, 0, -5], [0, 5, -5]];
        EvaluationResult r = ClassificationMetrics.Compute(logits, [0, 1], ["x", "y", "unused"]);
        AssertClass(r.PerClass[2], "unused", 0, 0, 0, 0);
        Assert.Equal(2.0 / 3, r.MacroF1, Tol);
        // An absent class has undefined recall, so it is not "the worst class".
        Assert.Equal("x", r.WorstRecallClass!.ClassName);
    }

    [Fact]
    public void Loss_IsStableForHugeLogits()
    {
        // Naive exp(1000) overflows; the stable form gives log(1 + e^-1000) + 1000 = 1000 and log 2.
        EvaluationResult r = ClassificationMetrics.Compute([[1000f, 0f]], [1], ["p", "q"]);
        Assert.Equal(1000.0, r.MeanLoss, 1e-9);
        EvaluationResult tie = ClassificationMetrics.Compute([[-1000f, -1000f]], [1], ["p", "q"]);
        Assert.Equal(Math.Log(2), tie.MeanLoss, 1e-12);
        Assert.Equal(0.0, tie.Top1Accuracy); // the tie goes to class 0
    }

    [Fact]
    public void NoVideoIds_LeavesVideoFieldsNull()
    {
        EvaluationResult r = EvaluationFixtures.Compute();
        Assert.Null(r.VideoAccuracy);
        Assert.Null(r.VideoCount);
    }

    [Fact]
    public void BadInputs_AreRejectedWithAReason()
    {
        string[] names = ["a", "b"];
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([], [], names));
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([[1f, 2f]], [0, 1], names));
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([[1f, 2f, 3f]], [0], names));
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([[1f, 2f]], [2], names));
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([[float.NaN, 2f]], [0], names));
    }

    private static void AssertClass(ClassMetrics m, string name, double precision, double recall, double f1, int support)
    {
        Assert.Equal(name, m.ClassName);
        Assert.Equal(precision, m.Precision, Tol);
        Assert.Equal(recall, m.Recall, Tol);
        Assert.Equal(f1, m.F1, Tol);
        Assert.Equal(support, m.Support);
    }
}
