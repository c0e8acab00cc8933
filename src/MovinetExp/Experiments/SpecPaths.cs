using System.Text.Json;
using MovinetExp.Specs;

namespace MovinetExp.Experiments;

/// <summary>
/// Makes a spec's file paths absolute (relative ones are relative to the spec file), so the resolved spec
/// written into the run folder means the same thing when `run --resume` or `eval` read it from there.
/// </summary>
public static class SpecPaths
{
    public static ExperimentSpec Absolute(ExperimentSpec spec, string specDirectory)
    {
        var overrides = new List<string>();
        void Fix(string key, string? value)
        {
            if (value != null && !Path.IsPathRooted(value))
                overrides.Add($"{key}={JsonSerializer.Serialize(Path.GetFullPath(Path.Combine(specDirectory, value)))}");
        }
        Fix("data.path", spec.Data.Path);
        Fix("data.list.train", spec.Data.List.Train);
        Fix("data.list.val", spec.Data.List.Val);
        Fix("data.list.test", spec.Data.List.Test);
        Fix("data.list.class_index", spec.Data.List.ClassIndex);
        string checkpoint = spec.Model.Checkpoint;
        if (checkpoint is not ("pretrained" or "none") && !checkpoint.StartsWith(ModelPreparation.RunCheckpointPrefix, StringComparison.Ordinal))
            Fix("model.checkpoint", checkpoint);
        // Re-reading the written spec with overrides keeps one validated path instead of copying objects by hand.
        return overrides.Count == 0 ? spec : SpecLoader.Parse(SpecWriter.ToYaml(spec), "<resolved spec>", overrides);
    }
}
