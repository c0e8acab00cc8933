namespace MovinetExp.Common;

/// <summary>One thing wrong with a spec: where, which key, what is wrong, and what to do about it.</summary>
/// <param name="Location">"file:line:column", or "--set key=value" for an override.</param>
/// <param name="Path">Dotted key path, e.g. "train.epochs" (empty for the document itself).</param>
/// <param name="Message">What is wrong, e.g. expected an integer >= 1, got "two".</param>
/// <param name="Hint">What to do about it.</param>
public sealed record SpecProblem(string Location, string Path, string Message, string Hint)
{
    /// <summary>The two report lines: "location: path: message" and an indented hint.</summary>
    public override string ToString() =>
        (Path.Length == 0 ? $"{Location}: {Message}" : $"{Location}: {Path}: {Message}") + Environment.NewLine + "  hint: " + Hint;
}
