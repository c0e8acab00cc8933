using Spectre.Console;
using MovinetExp.Common;

namespace MovinetExp.Cli.Infrastructure;

/// <summary>
/// The check of every option that takes one of a fixed set of words (--device, --engine, --format,
/// --stream-gate, --executor...): one error text for all of them, naming the option, the allowed words and,
/// for a near miss, the word probably meant, as the spec's own "did you mean" does.
/// </summary>
internal static class ChoiceOption
{
    /// <summary>
    /// Success for null (not given) or one of <paramref name="allowed"/> (exact, case-sensitive, as in YAML);
    /// otherwise an error naming <paramref name="name"/> (the option or argument, e.g. "--model" or "ID"),
    /// the accepted values, what was typed and, for a near miss, the value probably meant.
    /// </summary>
    /// <param name="note">Words after the list of values, e.g. " (the only export format)".</param>
    public static ValidationResult Validate(string? text, string name, IReadOnlyList<string> allowed, string note = "")
    {
        if (text is null || allowed.Contains(text, StringComparer.Ordinal)) return ValidationResult.Success();
        string? suggestion = DidYouMean.Suggest(text, allowed);
        return ValidationResult.Error($"{name} must be {Words(allowed)}{note}, not '{text}'" + (suggestion is null ? "" : $" (did you mean '{suggestion}'?)"));
    }

    /// <summary>The values as users read them: "onnx", "base or stream", "auto, cpu or cuda".</summary>
    public static string Words(IReadOnlyList<string> values) =>
        values.Count == 1 ? values[0] : string.Join(", ", values.Take(values.Count - 1)) + " or " + values[^1];
}
