using MovinetExp.Checkpoints.Format;
using MovinetExp.Models;

namespace MovinetExp.Checkpoints;

/// <summary>
/// Saves a model as a TensorFlow object-based checkpoint with the variable paths that
/// `tf.train.Checkpoint(model=MovinetClassifier(...))` uses, so TF (and this tool) can load it back.
/// </summary>
public static class MovinetCheckpointWriter
{
    /// <summary>Writes <c>folder/name.index</c>, <c>folder/name.data-00000-of-00001</c> and <c>folder/checkpoint</c>; returns the prefix.</summary>
    public static string Save(MovinetClassifier model, string folder, string name = "ckpt-1")
    {
        Directory.CreateDirectory(folder);
        string prefix = Path.Combine(folder, name);
        using var writer = new ObjectBasedCheckpointWriter(prefix);
        foreach (var variable in model.TfVariables())
            writer.AddFloat32(variable.Path, variable.TfShape.ToArray(), variable.ToTfValues());
        writer.Finish();
        return prefix;
    }
}
