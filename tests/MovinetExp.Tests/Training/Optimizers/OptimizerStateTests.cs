using MovinetExp.Common;
using MovinetExp.Tests.Support;
using MovinetExp.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Training.Optimizers;

public class OptimizerStateTests
{
    private static Parameter[] Two() => [new Parameter(ones(3)), new Parameter(ones(2, 2))];

    private static string Saved(OptimizerKind kind, Parameter[] parameters, string folder)
    {
        using var setup = OptimizerSetup.Create(kind, 0.1, 0, 0.9, parameters, [], 1);
        foreach (var p in parameters) p.grad = full_like(p, 0.5);
        setup.Optimizer.Step();
        string path = Path.Combine(folder, $"{kind}.bin");
        setup.Save(path);
        return path;
    }

    [Fact]
    public void AStateLoadsOnlyIntoTheSameKindOverTheSameParameters()
    {
        using var scope = NewDisposeScope();
        string folder = TestPaths.NewScratchFolder("optimizer-state");
        string adam = Saved(OptimizerKind.Adam, Two(), folder);

        using (var same = OptimizerSetup.Create(OptimizerKind.Adam, 0.1, 0, 0.9, Two(), [], 1))
        {
            same.Load(adam);
            Assert.Equal(1, same.Optimizer.Groups[0].States[0].Steps);
            Assert.Equal(0.05f, same.Optimizer.Groups[0].States[0].Slots[0][0].item<float>(), 6); // (1 - 0.9) * 0.5
        }

        using (var sgd = OptimizerSetup.Create(OptimizerKind.Sgd, 0.1, 0, 0.9, Two(), [], 1))
            Assert.Contains("adam optimiser, not sgd", Assert.Throws<InvalidDataException>(() => sgd.Load(adam)).Message);

        using (var fewer = OptimizerSetup.Create(OptimizerKind.Adam, 0.1, 0, 0.9, [new Parameter(ones(3))], [], 1))
            Assert.Contains("2 parameters in a group", Assert.Throws<InvalidDataException>(() => fewer.Load(adam)).Message);

        File.WriteAllBytes(adam, File.ReadAllBytes(adam)[..40]);
        using (var cut = OptimizerSetup.Create(OptimizerKind.Adam, 0.1, 0, 0.9, Two(), [], 1))
            Assert.Contains("ends early", Assert.Throws<InvalidDataException>(() => cut.Load(adam)).Message);
    }

    [Fact]
    public void ResumingFromAForeignOptimiserStateIsADataErrorNamingTheFile()
    {
        using var scope = NewDisposeScope();
        string folder = TestPaths.NewScratchFolder("optimizer-resume");
        var model = nn.Linear(3, 2);
        using var setup = OptimizerSetup.Create(OptimizerKind.Adam, 0.1, 0, 0.9, model.parameters().ToList(), [], 1);
        var store = new EpochCheckpointStore(folder);
        store.Save(new EpochState { Epoch = 1, GlobalStep = 1, Seed = 1, BestEpoch = 1 }, model, setup);
        // What TorchSharp's optimisers wrote before this version: another format.
        string optimizerFile = Path.Combine(folder, "epoch-0001", "optimizer.bin");
        File.WriteAllBytes(optimizerFile, [1, 0, 0, 0, 0, 0, 0, 0, 2, 0]);

        var error = Assert.Throws<DataException>(() => store.Restore(1, model, setup));
        Assert.Contains(optimizerFile, error.Message);
        Assert.Contains("start a new run", error.Message);
    }
}
