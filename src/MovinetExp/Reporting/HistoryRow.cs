namespace MovinetExp.Reporting;

/// <summary>
/// One line of history.csv: the state at the end of an epoch (1-based). Validation figures are null when the
/// experiment has no validation split. <see cref="Seconds"/> is the epoch's wall time. The peak resident
/// memory of the epoch's phases (MiB: training steps, batch-norm recompute, validation) is null for a phase
/// the epoch did not have and in files written before it was recorded.
/// </summary>
public sealed record HistoryRow(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double? ValLoss,
    double? ValAccuracy,
    double LearningRate,
    double Seconds,
    double? PeakRssMbTrain = null,
    double? PeakRssMbBnRecompute = null,
    double? PeakRssMbEval = null);
