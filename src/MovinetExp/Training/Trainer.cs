using Microsoft.Extensions.Logging;
using MovinetExp.Models;
using MovinetExp.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace MovinetExp.Training;

/// <summary>Settings of the epoch loop, taken from the spec's train section.</summary>
public sealed record TrainerSettings(int Epochs, int BatchSize, int Seed, double LearningRate, int WarmupEpochs, bool Cosine,
    double LabelSmoothing, double GradClipNorm, int EarlyStoppingPatience, bool ReuseFrozenFeatures);

/// <summary>How training ended.</summary>
public sealed record TrainingOutcome(int LastEpoch, int BestEpoch, bool StoppedEarly);

/// <summary>
/// The epoch loop: trains, validates, saves model + optimiser + state after every epoch (before
/// reporting it), tracks the best epoch, stops early when asked, and resumes from a saved epoch with
/// the same result as an uninterrupted run (every random stream is keyed by seed and epoch).
/// With a frozen backbone and <see cref="TrainerSettings.ReuseFrozenFeatures"/>, backbone features are
/// computed once per sampling and later epochs cost only the head.
/// </summary>
public sealed class Trainer
{
    private readonly MovinetClassifier _model;
    private readonly FreezePolicy _freeze;
    private readonly OptimizerSetup _optimizer;
    private readonly TrainerSettings _settings;
    private readonly Device _device;
    private readonly ILogger _log;

    public Trainer(MovinetClassifier model, FreezePolicy freeze, OptimizerSetup optimizer, TrainerSettings settings, Device device, ILogger log)
    {
        _model = model;
        _freeze = freeze;
        _optimizer = optimizer;
        _settings = settings;
        _device = device;
        _log = log;
    }

    public bool UsesFeatureReuse => _freeze.BackboneFrozen && _settings.ReuseFrozenFeatures;

    /// <param name="resumeFrom">The last saved epoch to continue after, or null for a fresh start.</param>
    /// <param name="onEpoch">Called after each epoch's checkpoint is saved, to record the epoch; older checkpoints are pruned after it returns.</param>
    public TrainingOutcome Run(TrainingData data, EpochCheckpointStore store, EpochState? resumeFrom, Action<EpochReport> onEpoch,
        IProgress<StepProgress>? progress, IProgress<string>? status, CancellationToken cancellation)
    {
        int stepsPerEpoch = (data.Train.BatchCount);
        var schedule = new LearningRateSchedule(_settings.LearningRate, (long)stepsPerEpoch * _settings.Epochs,
            (long)stepsPerEpoch * _settings.WarmupEpochs, _settings.Cosine);
        var trainable = UsesFeatureReuse ? (nn.Module<Tensor, Tensor>)_model.Head : _model;
        var loop = new SupervisedLoop(trainable, _optimizer, schedule, _settings.LabelSmoothing, _settings.GradClipNorm, _device,
            m => { if (UsesFeatureReuse) m.train(); else _freeze.SetTrainingMode(m); });

        var state = resumeFrom ?? new EpochState { Epoch = 0, GlobalStep = 0, Seed = _settings.Seed, BestEpoch = 0 };
        if (resumeFrom != null)
        {
            store.Restore(resumeFrom.Epoch, _model, _optimizer);
            _log.LogInformation("resumed after epoch {Epoch} (step {Step})", resumeFrom.Epoch, resumeFrom.GlobalStep);
        }

        var features = new Dictionary<int, FrozenFeatures>();
        FrozenFeatures? validationFeatures = null;
        long step = state.GlobalStep;
        bool stoppedEarly = false;
        using var memory = ResidentPeakSampler.Start();
        for (int epoch = state.Epoch + 1; epoch <= _settings.Epochs; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            // Dropout and stochastic depth draw from LibTorch's generator: key it by (seed, epoch) so a resumed
            // epoch draws exactly what the uninterrupted run drew.
            random.manual_seed(EpochOrder.StableSeed(_settings.Seed, epoch, 1));

            // Each phase's peak on its own: which one holds the memory (issue #14: 2.2-2.6 GB for A0 full fine-tuning),
            // with the .NET garbage of the phase before collected first so that it does not add to this one's.
            ManagedHeap.CollectGarbage();
            memory.TakePeak();
            EpochStats trainStats;
            if (UsesFeatureReuse)
            {
                int sampling = (epoch - 1) % data.TrainSamplings;
                if (!features.TryGetValue(sampling, out var cached))
                {
                    status?.Report($"computing frozen-backbone features of the training clips (sampling {sampling + 1} of {data.TrainSamplings})");
                    cached = features[sampling] = FrozenFeatures.Compute(_model.Backbone, ClipBatches.Epoch(data.Train, sampling, cancellation),
                        _device, null, cancellation);
                }
                var order = EpochOrder.Shuffled(cached.Rows.Length, _settings.Seed, epoch);
                int batches = (order.Length + _settings.BatchSize - 1) / _settings.BatchSize;
                trainStats = loop.TrainEpoch(epoch, cached.Batches(order, _settings.BatchSize), batches, ref step, progress, cancellation);
            }
            else
            {
                trainStats = loop.TrainEpoch(epoch, ClipBatches.Epoch(data.Train, epoch, cancellation), data.Train.BatchCount, ref step, progress, cancellation);
            }

            long trainPeak = memory.TakePeak();

            long? bnPeak = null;
            if (!_freeze.BackboneFrozen)
            {
                // Moving BN statistics lag the weights by ~1/momentum steps; recompute them for the weights this epoch ends with.
                status?.Report($"recomputing batch-norm statistics for epoch {epoch}'s weights");
                ManagedHeap.CollectGarbage();
                memory.TakePeak();
                BatchNormStatistics.Recompute(_model, ClipBatches.Epoch(data.Train, epoch, cancellation).Select(b => b.InputTensor(_device)));
                bnPeak = memory.TakePeak();
            }

            EpochStats? validation = null;
            long? evalPeak = null;
            if (data.Validation != null)
            {
                ManagedHeap.CollectGarbage();
                memory.TakePeak();
                if (UsesFeatureReuse)
                {
                    validationFeatures ??= FrozenFeatures.Compute(_model.Backbone, ClipBatches.Epoch(data.Validation, 0, cancellation), _device, null, cancellation);
                    validation = SupervisedLoop.Evaluation(_model.Head, validationFeatures.Batches(Enumerable.Range(0, validationFeatures.Rows.Length).ToArray(), _settings.BatchSize), _device, cancellation).Stats;
                }
                else
                {
                    validation = SupervisedLoop.Evaluation(_model, ClipBatches.Epoch(data.Validation, 0, cancellation), _device, cancellation).Stats;
                }
                evalPeak = memory.TakePeak();
            }

            bool improved = validation != null && (state.BestValAccuracy == null || validation.Accuracy > state.BestValAccuracy);
            state = state with
            {
                Epoch = epoch,
                GlobalStep = step,
                BestEpoch = validation == null || improved ? epoch : state.BestEpoch,
                BestValAccuracy = improved ? validation!.Accuracy : state.BestValAccuracy,
                EpochsWithoutImprovement = validation == null || improved ? 0 : state.EpochsWithoutImprovement + 1,
            };
            store.Save(state, _model, _optimizer);
            long rss = ProcessMemory.ResidentBytes();
            onEpoch(new EpochReport(epoch, trainStats, validation, schedule.RateAt(Math.Max(0, step - 1)), clock.Elapsed, rss, state.BestEpoch == epoch,
                new PhaseMemory(trainPeak, bnPeak, evalPeak)));
            store.Prune(state.Epoch, state.BestEpoch); // the epoch is recorded: older ones are no longer needed to resume

            if (_settings.EarlyStoppingPatience > 0 && state.EpochsWithoutImprovement >= _settings.EarlyStoppingPatience && epoch < _settings.Epochs)
            {
                _log.LogInformation("early stopping after epoch {Epoch}: no validation improvement for {Patience} epochs", epoch, _settings.EarlyStoppingPatience);
                stoppedEarly = true;
                break;
            }
        }
        return new TrainingOutcome(state.Epoch, state.BestEpoch, stoppedEarly);
    }
}
