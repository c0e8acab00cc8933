using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MovinetExp.Training;

/// <summary>Progress of one optimisation step, for live progress displays.</summary>
public sealed record StepProgress(int Epoch, int Step, int StepsInEpoch, double Loss, double LearningRate, int ExamplesDone, TimeSpan Elapsed);

/// <summary>
/// The inner loop: forward, sparse cross-entropy on logits, backward, optional gradient clipping,
/// optimiser step; and evaluation that returns the logits. Every batch runs in its own dispose scope so
/// native memory stays flat however many steps a run takes.
/// </summary>
public sealed class SupervisedLoop
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly OptimizerSetup _optimizer;
    private readonly LearningRateSchedule _schedule;
    private readonly double _labelSmoothing;
    private readonly double _gradClipNorm;
    private readonly Device _device;
    private readonly Action<nn.Module> _setTrainingMode;

    /// <param name="setTrainingMode">Puts the model in training mode while keeping frozen parts (their batch norm) in inference mode.</param>
    public SupervisedLoop(nn.Module<Tensor, Tensor> model, OptimizerSetup optimizer, LearningRateSchedule schedule,
        double labelSmoothing, double gradClipNorm, Device device, Action<nn.Module> setTrainingMode)
    {
        _model = model;
        _optimizer = optimizer;
        _schedule = schedule;
        _labelSmoothing = labelSmoothing;
        _gradClipNorm = gradClipNorm;
        _device = device;
        _setTrainingMode = setTrainingMode;
    }

    /// <summary>One pass over <paramref name="batches"/>; <paramref name="globalStep"/> counts steps across epochs for the schedule.</summary>
    public EpochStats TrainEpoch(int epoch, IEnumerable<Batch> batches, int batchCount, ref long globalStep,
        IProgress<StepProgress>? progress, CancellationToken cancellation)
    {
        _setTrainingMode(_model);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        double lossSum = 0;
        long correct = 0;
        int seen = 0;
        var trainable = _optimizer.Parameters;
        int i = 0;
        foreach (var batch in batches)
        {
            cancellation.ThrowIfCancellationRequested();
            double rate = _schedule.RateAt(globalStep);
            _optimizer.SetLearningRate(rate);
            using (var scope = NewDisposeScope())
            {
                _optimizer.Optimizer.ZeroGrad();
                var logits = _model.forward(batch.InputTensor(_device));
                var labels = batch.LabelTensor(_device);
                var loss = nn.functional.cross_entropy(logits, labels, label_smoothing: _labelSmoothing);
                loss.backward();
                if (_gradClipNorm > 0) nn.utils.clip_grad_norm_(trainable, _gradClipNorm);
                _optimizer.Optimizer.Step();
                lossSum += loss.item<float>() * batch.Size;
                correct += logits.argmax(1).eq(labels).sum().item<long>();
            }
            seen += batch.Size;
            globalStep++;
            i++;
            progress?.Report(new StepProgress(epoch, i, batchCount, lossSum / seen, rate, seen, clock.Elapsed));
        }
        return seen == 0 ? EpochStats.Empty : new EpochStats(lossSum / seen, (double)correct / seen, seen);
    }

    /// <summary>Inference over <paramref name="batches"/>; returns the loss/accuracy and each example's logits.</summary>
    public (EpochStats Stats, List<float[]> Logits) Evaluate(IEnumerable<Batch> batches, CancellationToken cancellation)
        => Evaluation(_model, batches, _device, cancellation);

    /// <summary>Inference with any classifier; shared by training-time validation and `eval`/`predict`.</summary>
    public static (EpochStats Stats, List<float[]> Logits) Evaluation(nn.Module<Tensor, Tensor> model, IEnumerable<Batch> batches,
        Device device, CancellationToken cancellation)
    {
        model.eval();
        var all = new List<float[]>();
        double lossSum = 0;
        long correct = 0;
        int seen = 0;
        using var noGrad = no_grad();
        foreach (var batch in batches)
        {
            cancellation.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var logits = model.forward(batch.InputTensor(device));
            var labels = batch.LabelTensor(device);
            lossSum += nn.functional.cross_entropy(logits, labels).item<float>() * batch.Size;
            correct += logits.argmax(1).eq(labels).sum().item<long>();
            all.AddRange(Rows(logits));
            seen += batch.Size;
        }
        return (seen == 0 ? EpochStats.Empty : new EpochStats(lossSum / seen, (double)correct / seen, seen), all);
    }

    /// <summary>The logits of unlabelled inputs (see <see cref="Batch.InputTensor(float[], long[], Device)"/>),
    /// one row per example: inference, where there is no loss to compute.</summary>
    public static float[][] Logits(nn.Module<Tensor, Tensor> model, float[] inputs, long[] shape, Device device)
    {
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return Rows(model.forward(Batch.InputTensor(inputs, shape, device)));
    }

    private static float[][] Rows(Tensor logits)
    {
        var host = logits.to(CPU).to_type(float32);
        int rows = (int)host.shape[0], classes = (int)host.shape[1];
        float[] flat = host.data<float>().ToArray();
        return Enumerable.Range(0, rows).Select(r => flat.AsSpan(r * classes, classes).ToArray()).ToArray();
    }
}
