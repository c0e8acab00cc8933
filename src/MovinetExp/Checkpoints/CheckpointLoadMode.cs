namespace MovinetExp.Checkpoints;

/// <summary>What part of a checkpoint goes into a model; the spec's <c>model.load</c> (auto, full, backbone).</summary>
public enum CheckpointLoadMode
{
    /// <summary>
    /// Full when the checkpoint's classes match the model's, otherwise an error. Only the spec says this: the
    /// experiment layer (<c>ModelPreparation</c>) resolves it to Full or Backbone after
    /// reading the checkpoint, and <see cref="MovinetCheckpointLoader.Load"/> rejects it with an
    /// ArgumentException, since the loader cannot know which classes the experiment wants.
    /// </summary>
    Auto,

    /// <summary>Every variable, classifier head included: the checkpoint's classes are the model's.</summary>
    Full,

    /// <summary>Backbone only; the head stays freshly initialised (transfer learning to new classes).</summary>
    Backbone,
}
