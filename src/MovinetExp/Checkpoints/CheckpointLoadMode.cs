namespace MovinetExp.Checkpoints;

/// <summary>What part of a checkpoint goes into a model.</summary>
public enum CheckpointLoadMode
{
    /// <summary>Every variable, classifier head included: the checkpoint's classes are the model's.</summary>
    Full,

    /// <summary>Backbone only; the head stays freshly initialised (transfer learning to new classes).</summary>
    Backbone,
}
