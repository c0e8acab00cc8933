namespace MovinetExp.Training;

/// <summary>What one finished epoch measured; reported after its checkpoint is on disk.</summary>
public sealed record EpochReport(int Epoch, EpochStats Train, EpochStats? Validation, double LearningRate, TimeSpan Duration,
    long ResidentBytes, bool IsBest, PhaseMemory? PeakResident = null);
