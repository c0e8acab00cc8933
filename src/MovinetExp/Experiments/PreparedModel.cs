using MovinetExp.Checkpoints;
using MovinetExp.Models;

namespace MovinetExp.Experiments;

/// <summary>A model ready to train: built for the experiment's classes, with whatever checkpoint the spec asked for loaded.</summary>
public sealed record PreparedModel(MovinetClassifier Model, ResolvedCheckpoint? Checkpoint, CheckpointLoadReport? Load);
