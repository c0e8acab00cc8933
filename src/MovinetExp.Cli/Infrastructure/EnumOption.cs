using MovinetExp.Common;
using Spectre.Console;

namespace MovinetExp.Cli.Infrastructure;

/// <summary>
/// A command-line value that names an enum member. It is read with the spelling the experiment spec uses
/// (<see cref="EnumNames"/>), so the CLI accepts exactly the words an experiment YAML accepts; in
/// particular numbers ("7") and other casings ("A0") are rejected, unlike <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/>.
/// </summary>
internal static class EnumOption<TEnum> where TEnum : struct, Enum
{
    /// <inheritdoc cref="ChoiceOption.Validate"/>
    public static ValidationResult Validate(string? text, string name) => ChoiceOption.Validate(text, name, EnumNames.AllOf<TEnum>());

    /// <summary>The member written as <paramref name="text"/>. Call after <see cref="Validate"/> has accepted it.</summary>
    public static TEnum Parse(string text) =>
        EnumNames.TryParse<TEnum>(text, out var value)
            ? value
            : throw new ArgumentException($"'{text}' is not a {typeof(TEnum).Name}; {nameof(Validate)} should have rejected it.", nameof(text));

    /// <summary>Like <see cref="Parse"/>, but null when the value was not given.</summary>
    public static TEnum? ParseOptional(string? text) => text is null ? null : Parse(text);
}
