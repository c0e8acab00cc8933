using MovinetExp.Training;

namespace MovinetExp.Experiments;

/// <summary>Live progress of a run: either a phase message or a training step.</summary>
public sealed record ExperimentProgress(string? Phase, StepProgress? Step, int TotalEpochs, EpochReport? Epoch = null);
