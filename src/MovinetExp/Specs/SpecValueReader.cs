using System.Globalization;
using System.Text.RegularExpressions;
using MovinetExp.Common;
using MovinetExp.Data.Sources;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MovinetExp.Specs;

/// <summary>
/// Converts one YAML value node to the C# value of a (non-section) spec key, applying its shape, range,
/// pattern and enum rules. Only plain (unquoted) scalars count as numbers, booleans or null, as in YAML.
/// </summary>
internal static class SpecValueReader
{
    /// <summary>The outcome of reading a value: the value, or what was wrong and an optional suggestion.</summary>
    public readonly record struct Result(bool Ok, object? Value, string? Suggestion)
    {
        public static Result Of(object? value) => new(true, value, null);
        public static Result Invalid(string? suggestion = null) => new(false, null, suggestion);
    }

    public static Result Read(SpecField field, YamlNode node)
    {
        if (IsNull(node)) return field.Nullable ? Result.Of(null) : Result.Invalid();
        return field.Kind switch
        {
            SpecFieldKind.Integer => ReadInteger(field, node),
            SpecFieldKind.Number => ReadNumber(field, node),
            SpecFieldKind.Boolean => PlainText(node) switch
            {
                "true" or "True" or "TRUE" => Result.Of(true),
                "false" or "False" or "FALSE" => Result.Of(false),
                _ => Result.Invalid(),
            },
            SpecFieldKind.String => ReadString(field, node),
            SpecFieldKind.Enum => ReadEnum(field, node),
            SpecFieldKind.StringList => ReadStringList(node, minItems: 0) is { } list ? Result.Of(list) : Result.Invalid(),
            SpecFieldKind.ClassSelection => ReadClasses(field, node),
            SpecFieldKind.SplitSize => PlainText(node) == SplitSize.Keyword ? Result.Of(SplitSize.All)
                : ReadInteger(field, node) is { Ok: true, Value: int n } ? Result.Of(SplitSize.Of(n)) : Result.Invalid(),
            _ => throw new InvalidOperationException($"{field.Key}: sections are bound by SpecBinder"),
        };
    }

    /// <summary>YAML null: a plain empty, ~ or null scalar.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } s &&
        (string.IsNullOrEmpty(s.Value) || s.Value is "~" or "null" or "Null" or "NULL");

    /// <summary>How a bad value is quoted in messages: numbers and words as written, strings quoted (as an excerpt), shapes named.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        _ when IsNull(node) => "null",
        YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } s when LooksLiteral(s.Value!) => s.Value!,
        YamlScalarNode s => "\"" + TextExcerpt.Of(s.Value ?? "") + "\"",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => node.NodeType.ToString(),
    };

    // Numbers and booleans are shown as written (got -1); anything else is quoted (got "two").
    private static bool LooksLiteral(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || text is "true" or "false";

    private static string? PlainText(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } s ? s.Value : null;

    private static Result ReadInteger(SpecField field, YamlNode node) =>
        int.TryParse(PlainText(node), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) && field.InRange(v)
            ? Result.Of(v) : Result.Invalid();

    private static Result ReadNumber(SpecField field, YamlNode node) =>
        double.TryParse(PlainText(node), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) &&
        double.IsFinite(v) && field.InRange(v)
            ? Result.Of(v) : Result.Invalid();

    private static Result ReadString(SpecField field, YamlNode node)
    {
        if (node is not YamlScalarNode { Value: { } text }) return Result.Invalid();
        if (field.Pattern is { } pattern && !Regex.IsMatch(text, $"^(?:{pattern})$")) return Result.Invalid();
        return Result.Of(text);
    }

    private static Result ReadEnum(SpecField field, YamlNode node)
    {
        if (node is not YamlScalarNode { Value: { } text }) return Result.Invalid();
        return EnumNames.TryParse(field.ValueType, text, out object? value)
            ? Result.Of(value)
            : Result.Invalid(DidYouMean.Suggest(text, field.EnumValues));
    }

    private static Result ReadClasses(SpecField field, YamlNode node)
    {
        int min = (int)(field.Min ?? 1);
        if (node is YamlSequenceNode)
            return ReadStringList(node, min) is { } names ? Result.Of(ClassSelection.Named(names)) : Result.Invalid();
        return int.TryParse(PlainText(node), NumberStyles.None, CultureInfo.InvariantCulture, out int count) && count >= min
            ? Result.Of(ClassSelection.FirstN(count)) : Result.Invalid();
    }

    /// <summary>A sequence of non-empty scalars, or null when the node is anything else.</summary>
    private static IReadOnlyList<string>? ReadStringList(YamlNode node, int minItems)
    {
        if (node is not YamlSequenceNode seq || seq.Children.Count < minItems) return null;
        var items = new List<string>(seq.Children.Count);
        foreach (YamlNode child in seq.Children)
        {
            if (child is not YamlScalarNode { Value: { Length: > 0 } text } || IsNull(child)) return null;
            items.Add(text);
        }
        return items;
    }
}
