using MovinetExp.Models;
using Spectre.Console;

namespace MovinetExp.Cli.Infrastructure;

/// <summary>
/// The <c>--variant</c> option of every command that picks a checkpoint family. Spelled exactly as
/// <c>model.variant</c> in an experiment spec (base, stream), so the CLI and YAML accept the same words.
/// </summary>
internal static class VariantOption
{
    private const string Name = "--variant";

    /// <summary>Success for null (option not given) or a known variant; otherwise the one error text all commands show.</summary>
    public static ValidationResult Validate(string? text) => EnumOption<MovinetVariant>.Validate(text, Name);

    /// <summary>The variant written as <paramref name="text"/>. Call after <see cref="Validate"/> has accepted it.</summary>
    public static MovinetVariant Parse(string text) => EnumOption<MovinetVariant>.Parse(text);

    /// <summary>Like <see cref="Parse"/>, but null when the option was not given.</summary>
    public static MovinetVariant? ParseOptional(string? text) => EnumOption<MovinetVariant>.ParseOptional(text);
}
