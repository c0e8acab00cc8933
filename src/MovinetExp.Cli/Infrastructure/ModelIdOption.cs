using MovinetExp.Models;
using Spectre.Console;

namespace MovinetExp.Cli.Infrastructure;

/// <summary>
/// A MoViNet model id given on the command line: the <c>--model</c> option of predict/stream or the
/// <c>ID</c> argument of model summary and checkpoint fetch. Spelled exactly as <c>model.id</c> in an
/// experiment spec (a0..a5), so the CLI and YAML accept the same words.
/// </summary>
internal static class ModelIdOption
{
    /// <summary>The name of the option that takes a model id.</summary>
    public const string Option = "--model";

    /// <summary>The name of the positional argument that takes a model id.</summary>
    public const string Argument = "ID";

    /// <summary>
    /// Success for null (not given) or a known id; otherwise an error naming <paramref name="name"/>
    /// (<see cref="Option"/> or <see cref="Argument"/>) and the accepted ids.
    /// </summary>
    public static ValidationResult Validate(string? text, string name) => EnumOption<ModelId>.Validate(text, name);

    /// <summary>The id written as <paramref name="text"/>. Call after <see cref="Validate"/> has accepted it.</summary>
    public static ModelId Parse(string text) => EnumOption<ModelId>.Parse(text);

    /// <summary>Like <see cref="Parse"/>, but null when the id was not given.</summary>
    public static ModelId? ParseOptional(string? text) => EnumOption<ModelId>.ParseOptional(text);
}
