using MovinetExp.Training;
using TorchSharp;

namespace MovinetExp.Experiments;

/// <summary>
/// Optional TensorBoard event files (`train.tensorboard: true`) in the run folder's tensorboard/: loss,
/// accuracy and learning rate per epoch, for `tensorboard --logdir runs/`.
/// </summary>
public sealed class TensorBoardLog
{
    private readonly TorchSharp.Modules.SummaryWriter _writer;

    public TensorBoardLog(string runDirectory) =>
        _writer = torch.utils.tensorboard.SummaryWriter(Path.Combine(runDirectory, "tensorboard"));

    public void Epoch(EpochReport report)
    {
        _writer.add_scalar("train/loss", (float)report.Train.Loss, report.Epoch);
        _writer.add_scalar("train/accuracy", (float)report.Train.Accuracy, report.Epoch);
        _writer.add_scalar("learning_rate", (float)report.LearningRate, report.Epoch);
        if (report.Validation is { } v)
        {
            _writer.add_scalar("val/loss", (float)v.Loss, report.Epoch);
            _writer.add_scalar("val/accuracy", (float)v.Accuracy, report.Epoch);
        }
    }
}
