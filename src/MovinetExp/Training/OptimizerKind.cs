namespace MovinetExp.Training;

/// <summary>The optimiser; the spec's <c>train.optimizer</c>.</summary>
public enum OptimizerKind { Adam, Adamw, Sgd, Rmsprop }
