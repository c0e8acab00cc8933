using MovinetExp.Data.Loading;

namespace MovinetExp.Training;

/// <summary>
/// The training and validation clips, and how to sample them. <see cref="TrainSamplings"/> is how many
/// distinct random samplings of each training clip exist when features are reused (1 for deterministic
/// sampling); epoch e uses sampling (e-1) mod K.
/// </summary>
public sealed record TrainingData(ClipLoader Train, ClipLoader? Validation, int TrainSamplings);
