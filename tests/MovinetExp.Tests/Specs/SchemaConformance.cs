using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace MovinetExp.Tests.Specs;

/// <summary>
/// A deliberately small JSON Schema checker for YAML documents (no validator package is available):
/// object keys against "properties"/"required", "enum", "type", "minimum"/"maximum"/"exclusiveMinimum",
/// "items" and "oneOf". Enough to cross-check the generated schema against real spec files.
/// </summary>
internal static class SchemaConformance
{
    public static List<string> Check(JsonObject schema, YamlNode node, string path = "")
    {
        var problems = new List<string>();
        Walk(schema, node, path, problems);
        return problems;
    }

    private static void Walk(JsonObject schema, YamlNode node, string path, List<string> problems)
    {
        if (schema["oneOf"] is JsonArray alternatives)
        {
            if (!alternatives.Any(a => Check(a!.AsObject(), node, path).Count == 0)) problems.Add($"{path}: matches no alternative of oneOf");
            return;
        }
        if (IsNull(node))
        {
            if (!AllowsNull(schema)) problems.Add($"{path}: null is not allowed");
            return;
        }
        if (schema["enum"] is JsonArray allowed)
        {
            string? value = (node as YamlScalarNode)?.Value;
            if (!allowed.Any(a => a is not null && a.GetValue<string>() == value)) problems.Add($"{path}: '{value}' is not one of {allowed.ToJsonString()}");
            return;
        }
        switch (node)
        {
            case YamlMappingNode map:
                if (!Types(schema).Contains("object")) { problems.Add($"{path}: a mapping is not allowed"); return; }
                var properties = schema["properties"]!.AsObject();
                foreach (var (k, v) in map.Children)
                {
                    string key = ((YamlScalarNode)k).Value!;
                    string at = path.Length == 0 ? key : $"{path}.{key}";
                    if (properties[key] is JsonObject sub) Walk(sub, v, at, problems);
                    else problems.Add($"{at}: not a property of the schema");
                }
                foreach (JsonNode? r in schema["required"] as JsonArray ?? new JsonArray())
                {
                    if (!map.Children.ContainsKey(new YamlScalarNode(r!.GetValue<string>()))) problems.Add($"{path}: missing required {r}");
                }
                break;
            case YamlSequenceNode seq:
                if (!Types(schema).Contains("array")) { problems.Add($"{path}: a list is not allowed"); return; }
                int i = 0;
                foreach (YamlNode item in seq.Children) Walk(schema["items"]!.AsObject(), item, $"{path}[{i++}]", problems);
                if (schema["minItems"] is JsonNode min && seq.Children.Count < min.GetValue<int>()) problems.Add($"{path}: too few items");
                break;
            case YamlScalarNode scalar:
                CheckScalar(schema, scalar.Value!, path, problems);
                break;
        }
    }

    private static void CheckScalar(JsonObject schema, string text, string path, List<string> problems)
    {
        var types = Types(schema);
        bool isInteger = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
        bool isNumber = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number);
        bool ok = types.Contains("string") || (types.Contains("integer") && isInteger) || (types.Contains("number") && isNumber) ||
                  (types.Contains("boolean") && text is "true" or "false");
        if (!ok) { problems.Add($"{path}: '{text}' is not of type {string.Join("/", types)}"); return; }
        if (!types.Contains("string") && isNumber)
        {
            if (schema["minimum"] is JsonNode lo && number < lo.GetValue<double>()) problems.Add($"{path}: {text} < minimum {lo}");
            if (schema["exclusiveMinimum"] is JsonNode ex && number <= ex.GetValue<double>()) problems.Add($"{path}: {text} <= exclusiveMinimum {ex}");
            if (schema["maximum"] is JsonNode hi && number > hi.GetValue<double>()) problems.Add($"{path}: {text} > maximum {hi}");
        }
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s && (s.Value is "" or "~" or "null");

    private static bool AllowsNull(JsonObject schema) =>
        Types(schema).Contains("null") || (schema["enum"] is JsonArray e && e.Any(v => v is null)) ||
        Types(schema).Contains("object"); // an empty section means "all defaults"

    private static HashSet<string> Types(JsonObject schema) => schema["type"] switch
    {
        JsonArray many => many.Select(t => t!.GetValue<string>()).ToHashSet(),
        JsonValue one => new HashSet<string> { one.GetValue<string>() },
        _ => new HashSet<string>(),
    };
}
