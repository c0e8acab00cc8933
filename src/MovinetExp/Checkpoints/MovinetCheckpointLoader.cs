using System.Text;
using MovinetExp.Checkpoints.Format;
using MovinetExp.Common;
using MovinetExp.Models;

namespace MovinetExp.Checkpoints;

/// <summary>What a checkpoint load did.</summary>
public sealed record CheckpointLoadReport(string Prefix, int VariablesLoaded, long ValuesLoaded, int HeadVariablesSkipped);

/// <summary>
/// Loads a TensorFlow MoViNet checkpoint into a <see cref="MovinetClassifier"/>, strictly: every model
/// parameter and batch-norm statistic must get a value of the right shape, and every model variable of
/// the checkpoint must be used (the equivalent of TF's assert_existing_objects_matched). Variables are
/// found by walking the checkpoint's object graph along the model's object paths, which also finds
/// tensors TF stored under a shorter path (e.g. `backbone/...`); name-based checkpoints fall back to the
/// literal keys.
/// </summary>
public static class MovinetCheckpointLoader
{
    private const string HeadPrefix = "model/layer_with_weights-1/";
    private const int MaxListed = 12;

    /// <param name="mode">Full or Backbone.</param>
    /// <exception cref="ArgumentException"><paramref name="mode"/> is <see cref="CheckpointLoadMode.Auto"/>, which only the caller
    /// can resolve (it depends on the classes the caller wants).</exception>
    public static CheckpointLoadReport Load(MovinetClassifier model, string checkpointPath, CheckpointLoadMode mode)
    {
        if (mode is not (CheckpointLoadMode.Full or CheckpointLoadMode.Backbone))
            throw new ArgumentException($"the checkpoint load mode must be resolved to Full or Backbone before loading, not {mode}", nameof(mode));
        using var reader = TensorBundleReader.Open(checkpointPath);
        var graph = ObjectGraph.TryLoad(reader);
        var wanted = model.TfVariables().Where(v => mode == CheckpointLoadMode.Full || !v.IsHead).ToList();

        var missing = new List<string>();
        var mismatched = new List<string>();
        var bindings = new List<(TfVariable Variable, string Key)>();
        var usedKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variable in wanted)
        {
            string? key = KeyOf(variable.Path, reader, graph);
            if (key == null) { missing.Add(variable.Path); continue; }
            usedKeys.Add(key);
            var entry = reader.GetEntry(key);
            if (!entry.Shape.SequenceEqual(variable.TfShape))
                mismatched.Add($"{variable.Path}: checkpoint [{string.Join(",", entry.Shape)}], model [{string.Join(",", variable.TfShape)}]");
            else
                bindings.Add((variable, key));
        }

        var unexpected = CheckpointModelKeys(reader, graph)
            .Where(k => !usedKeys.Contains(k.Key))
            .Where(k => mode == CheckpointLoadMode.Full || !k.Path.StartsWith(HeadPrefix, StringComparison.Ordinal))
            .Select(k => k.Path)
            .ToList();

        if (missing.Count + mismatched.Count + unexpected.Count > 0)
            throw new CheckpointException(Describe(reader.Prefix, model, missing, mismatched, unexpected, mode));

        long values = 0;
        foreach (var (variable, key) in bindings)
        {
            variable.CopyFromTf(reader.ReadFloat32(key));
            values += variable.Count;
        }
        int headSkipped = mode == CheckpointLoadMode.Backbone ? model.TfVariables().Count(v => v.IsHead) : 0;
        return new CheckpointLoadReport(reader.Prefix, bindings.Count, values, headSkipped);
    }

    /// <summary>The checkpoint key holding the variable at <paramref name="objectPath"/>, or null.</summary>
    private static string? KeyOf(string objectPath, TensorBundleReader reader, ObjectGraph? graph)
    {
        if (graph != null && graph.TryResolveNodeId(objectPath, out int node))
        {
            var variable = graph.Variables.FirstOrDefault(v => v.NodeId == node && v.AttributeName == TrackableNames.VariableValue);
            if (variable != null && reader.Contains(variable.CheckpointKey)) return variable.CheckpointKey;
        }
        string literal = TrackableNames.VariableKey(objectPath);
        return reader.Contains(literal) ? literal : null;
    }

    /// <summary>Model variables stored in the checkpoint (not optimiser state, not the save counter), with a readable path.</summary>
    private static IEnumerable<(string Key, string Path)> CheckpointModelKeys(TensorBundleReader reader, ObjectGraph? graph)
    {
        if (graph != null)
            return graph.ModelVariables
                .Where(v => v.ObjectPath != ObjectBasedCheckpointWriter.SaveCounterPath && reader.Contains(v.CheckpointKey))
                .Select(v => (v.CheckpointKey, CanonicalPath(v.ObjectPath)));
        string suffix = TrackableNames.AttributesInfix + TrackableNames.VariableValue;
        return reader.Entries
            .Where(e => e.Key.EndsWith(suffix, StringComparison.Ordinal) && !e.Key.StartsWith(ObjectBasedCheckpointWriter.SaveCounterPath + "/", StringComparison.Ordinal))
            .Select(e => (e.Key, e.Key[..^suffix.Length]));
    }

    // TF may key backbone tensors by the shorter `backbone/...` path (../shared/design/movinet-architecture.md §9.5);
    // report them the way the model names them.
    private static string CanonicalPath(string path) =>
        path.StartsWith("backbone/", StringComparison.Ordinal) ? "model/layer_with_weights-0/" + path["backbone/".Length..] : path;

    private static string Describe(string prefix, MovinetClassifier model, List<string> missing, List<string> mismatched,
        List<string> unexpected, CheckpointLoadMode mode)
    {
        var o = model.Options;
        var text = new StringBuilder();
        text.AppendLine($"Checkpoint '{prefix}' does not match MoViNet {o.ModelId} {EnumNames.Of(o.Variant)} with {o.NumClasses} classes ({mode} load):");
        Append(text, "missing from the checkpoint", missing);
        Append(text, "shape mismatch", mismatched);
        Append(text, "in the checkpoint but not in the model", unexpected);
        var detected = CheckpointModelDetector.TryDetect(prefix);
        if (detected != null)
            text.Append($"The checkpoint looks like MoViNet {detected.ModelId} {EnumNames.Of(detected.Variant)} with {detected.NumClasses} classes. ");
        text.Append(mode == CheckpointLoadMode.Full && mismatched.All(m => m.StartsWith(HeadPrefix, StringComparison.Ordinal)) && missing.Count == 0 && unexpected.Count == 0
            ? "Only the classifier head differs: to train new classes from this backbone set `model.load: backbone` in the spec."
            : "Check model.id and model.variant in the spec against the checkpoint (`dotnet movinet checkpoint inspect PATH` lists its variables).");
        return text.ToString();
    }

    private static void Append(StringBuilder text, string title, List<string> items)
    {
        if (items.Count == 0) return;
        text.AppendLine($"  {title} ({items.Count}):");
        foreach (string item in items.Take(MaxListed)) text.AppendLine("    " + item);
        if (items.Count > MaxListed) text.AppendLine($"    ... and {items.Count - MaxListed} more");
    }
}
