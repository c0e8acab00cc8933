using MovinetExp.Tests.Support;
using MovinetExp.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Training;

public class SupervisedLoopTests
{
    // Two separable Gaussian blobs in 4-D: a linear classifier must fit them.
    private static List<Batch> Blobs(int seed, int batches, int batchSize)
    {
        var rng = new Random(seed);
        var list = new List<Batch>();
        for (int b = 0; b < batches; b++)
        {
            var x = new float[batchSize * 4];
            var y = new int[batchSize];
            for (int i = 0; i < batchSize; i++)
            {
                y[i] = rng.Next(2);
                for (int d = 0; d < 4; d++) x[i * 4 + d] = (float)(rng.NextDouble() - 0.5 + (y[i] == 1 ? 1.5 : -1.5));
            }
            list.Add(new Batch(x, [batchSize, 4], y));
        }
        return list;
    }

    private static (nn.Module<Tensor, Tensor> Model, OptimizerSetup Optimizer) Linear(OptimizerKind optimizer)
    {
        manual_seed(1);
        var model = nn.Linear(4, 2);
        var setup = OptimizerSetup.Create(optimizer, 0.05, 0, 0.9, model.parameters().ToList(), [], 1.0);
        return (model, setup);
    }

    [Theory]
    [InlineData(OptimizerKind.Adam)]
    [InlineData(OptimizerKind.Adamw)]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Rmsprop)]
    public void TrainingLowersTheLossAndFitsSeparableData(OptimizerKind optimizer)
    {
        var (model, setup) = Linear(optimizer);
        var data = Blobs(3, 10, 8);
        var loop = new SupervisedLoop(model, setup, new LearningRateSchedule(optimizer == OptimizerKind.Rmsprop ? 0.5 : 0.05, 100, 0, false), 0, 1.0, CPU, m => m.train());
        long step = 0;
        var first = loop.TrainEpoch(1, data, data.Count, ref step, null, default);
        EpochStats last = first;
        for (int e = 2; e <= 5; e++) last = loop.TrainEpoch(e, data, data.Count, ref step, null, default);
        Assert.Equal(50, step);
        Assert.True(last.Loss < first.Loss, $"loss {first.Loss} -> {last.Loss}");
        var (stats, logits) = loop.Evaluate(Blobs(4, 4, 8), default);
        Assert.Equal(32, logits.Count);
        Assert.True(stats.Accuracy >= 0.95, $"accuracy {stats.Accuracy}");
    }

    [Fact]
    public void EpochCheckpointRestoresModelAndOptimizerExactly()
    {
        string dir = TestPaths.NewScratchFolder("epoch-store");
        var data = Blobs(5, 6, 8);
        var (model, setup) = Linear(OptimizerKind.Adam);
        var loop = new SupervisedLoop(model, setup, new LearningRateSchedule(0.05, 100, 0, false), 0.1, 0, CPU, m => m.train());
        long step = 0;
        loop.TrainEpoch(1, data, data.Count, ref step, null, default);
        var store = new EpochCheckpointStore(dir);
        store.Save(new EpochState { Epoch = 1, GlobalStep = step, Seed = 1, BestEpoch = 1 }, model, setup);

        // Uninterrupted: a second epoch straight away.
        loop.TrainEpoch(2, data, data.Count, ref step, null, default);
        float[] uninterrupted = model.parameters().SelectMany(p => p.data<float>().ToArray()).ToArray();

        // Resumed: a fresh model and optimiser restored from epoch 1, then the same second epoch.
        var (model2, setup2) = Linear(OptimizerKind.Adam);
        var state = store.Latest()!;
        Assert.Equal(1, state.Epoch);
        store.Restore(state.Epoch, model2, setup2);
        long step2 = state.GlobalStep;
        new SupervisedLoop(model2, setup2, new LearningRateSchedule(0.05, 100, 0, false), 0.1, 0, CPU, m => m.train())
            .TrainEpoch(2, data, data.Count, ref step2, null, default);
        float[] resumed = model2.parameters().SelectMany(p => p.data<float>().ToArray()).ToArray();
        Assert.Equal(uninterrupted, resumed);
    }

    [Fact]
    public void VideoBatchesBecomeChannelsFirst()
    {
        // [B=1,T=2,H=1,W=1,C=3] channels-last -> [1,3,2,1,1]: value (t,c) = 10t + c.
        var batch = new Batch([0, 1, 2, 10, 11, 12], [1, 2, 1, 1, 3], [0]);
        using var t = batch.InputTensor(CPU);
        Assert.Equal(new long[] { 1, 3, 2, 1, 1 }, t.shape);
        Assert.Equal(new float[] { 0, 10, 1, 11, 2, 12 }, t.data<float>().ToArray());
    }

    [Fact]
    public void FrozenFeatureBatchesFollowTheGivenOrder()
    {
        using var identity = nn.Identity();
        var clips = new List<Batch> { new([1, 2, 3, 4], [2, 2], [0, 1]), new([5, 6], [1, 2], [1]) };
        var features = FrozenFeatures.Compute(identity, clips, CPU, null, default);
        Assert.Equal(3, features.Rows.Length);
        var batches = features.Batches([2, 0, 1], 2).ToList();
        Assert.Equal(new float[] { 5, 6, 1, 2 }, batches[0].Inputs);
        Assert.Equal(new[] { 1, 0 }, batches[0].Labels);
        Assert.Equal(new float[] { 3, 4 }, batches[1].Inputs);
    }
}
