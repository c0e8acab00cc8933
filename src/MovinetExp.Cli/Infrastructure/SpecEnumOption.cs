using MovinetExp.Specs;
using Spectre.Console;

namespace MovinetExp.Cli.Infrastructure;

/// <summary>
/// A command-line value that names a spec enum member. It is read with the spec layer's own parser
/// (<see cref="SpecNames"/>), so the CLI accepts exactly the spellings an experiment YAML accepts; in
/// particular numbers ("7") and other casings ("A0") are rejected, unlike <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/>.
/// </summary>
internal static class SpecEnumOption<TEnum> where TEnum : struct, Enum
{
    /// <summary>The accepted spellings as users read them: "base or stream", "a0, a1, a2, a3, a4 or a5".</summary>
    public static string Choices { get; } = ListWithOr(SpecNames.AllOf(typeof(TEnum)));

    /// <summary>
    /// Success for null (not given) or a known spelling; otherwise an error naming <paramref name="name"/>
    /// (the option or argument, e.g. "--model" or "ID"), the accepted values, what was typed and, for a
    /// near miss, the value probably meant (as the spec's did-you-mean does).
    /// </summary>
    public static ValidationResult Validate(string? text, string name)
    {
        if (text is null || SpecNames.TryParse<TEnum>(text, out _)) return ValidationResult.Success();
        string? suggestion = DidYouMean.Suggest(text, SpecNames.AllOf(typeof(TEnum)));
        return ValidationResult.Error($"{name} must be {Choices}, not '{text}'" + (suggestion is null ? "" : $" (did you mean '{suggestion}'?)"));
    }

    /// <summary>The member written as <paramref name="text"/>. Call after <see cref="Validate"/> has accepted it.</summary>
    public static TEnum Parse(string text) =>
        SpecNames.TryParse<TEnum>(text, out var value)
            ? value
            : throw new ArgumentException($"'{text}' is not a {typeof(TEnum).Name}; {nameof(Validate)} should have rejected it.", nameof(text));

    /// <summary>Like <see cref="Parse"/>, but null when the value was not given.</summary>
    public static TEnum? ParseOptional(string? text) => text is null ? null : Parse(text);

    private static string ListWithOr(IReadOnlyList<string> values) =>
        values.Count == 1 ? values[0] : string.Join(", ", values.Take(values.Count - 1)) + " or " + values[^1];
}
