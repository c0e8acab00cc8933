using MovinetExp.Specs;
using Spectre.Console;

namespace MovinetExp.Cli.Infrastructure;

/// <summary>
/// The <c>--variant</c> option of every command that picks a checkpoint family. Spelled exactly as
/// <c>model.variant</c> in an experiment spec (base, stream), so the CLI and YAML accept the same words.
/// </summary>
internal static class VariantOption
{
    /// <summary>Success for null (option not given) or a known variant; otherwise the one error text all commands show.</summary>
    public static ValidationResult Validate(string? text) =>
        text is null || TryParse(text, out _)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--variant must be {string.Join(" or ", SpecNames.AllOf(typeof(ModelVariant)))}, not '{text}'");

    /// <summary>The variant written as <paramref name="text"/>. Call after <see cref="Validate"/> has accepted it.</summary>
    public static ModelVariant Parse(string text) =>
        TryParse(text, out var variant)
            ? variant
            : throw new ArgumentException($"'{text}' is not a variant; {nameof(Validate)} should have rejected it.", nameof(text));

    /// <summary>Like <see cref="Parse"/>, but null when the option was not given.</summary>
    public static ModelVariant? ParseOptional(string? text) => text is null ? null : Parse(text);

    private static bool TryParse(string text, out ModelVariant variant)
    {
        bool known = SpecNames.TryParse(typeof(ModelVariant), text, out object? value);
        variant = known ? (ModelVariant)value! : default;
        return known;
    }
}
