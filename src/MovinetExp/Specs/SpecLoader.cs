using MovinetExp.Common;

namespace MovinetExp.Specs;

/// <summary>
/// Reads an experiment spec: YAML, then <c>--set</c> overrides, then validation of every key and every
/// cross-key rule. All problems are reported together in one <see cref="UsageException"/>.
/// </summary>
public static class SpecLoader
{
    /// <summary>Loads the spec file at <paramref name="path"/> (named as given in messages) with overrides applied.</summary>
    /// <exception cref="UsageException">The file is missing or unreadable, or the spec has problems.</exception>
    public static ExperimentSpec Load(string path, IEnumerable<string>? overrides = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string what = e is FileNotFoundException or DirectoryNotFoundException ? "spec file not found" : $"cannot read the spec file ({e.Message})";
            throw new UsageException($"{path}: {what}. Pass the path of an experiment YAML file, e.g. experiments/quickstart.yaml.", e);
        }
        return Parse(text, path, overrides);
    }

    /// <summary>Parses spec YAML text; <paramref name="fileNameForMessages"/> prefixes every problem location.</summary>
    /// <param name="overrides">"key.path=value" strings; values are YAML scalars or flow collections.</param>
    /// <exception cref="UsageException">The spec has problems; the message lists all of them.</exception>
    public static ExperimentSpec Parse(string yamlText, string fileNameForMessages, IEnumerable<string>? overrides = null)
    {
        var problems = new SpecProblems();
        SpecDocument document = SpecDocument.Parse(yamlText, fileNameForMessages, problems);
        problems.ThrowIfAny(fileNameForMessages);

        SpecOverrides.Apply(document, overrides ?? Array.Empty<string>(), problems);
        var binder = new SpecBinder(document, problems);
        ExperimentSpec spec = binder.Bind();
        SpecRules.Check(spec, binder.Locations, problems);
        problems.ThrowIfAny(fileNameForMessages);
        return spec;
    }
}
