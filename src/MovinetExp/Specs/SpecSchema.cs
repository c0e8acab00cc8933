using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MovinetExp.Common;
using MovinetExp.Data.Sources;

namespace MovinetExp.Specs;

/// <summary>
/// Generates the JSON Schema (draft 2020-12) of the experiment spec from the same metadata the validator
/// uses (<see cref="SpecFieldAttribute"/> on the spec classes), so editors and the tool agree on every rule.
/// </summary>
public static class SpecSchema
{
    /// <summary>Name of the committed schema file, next to the spec classes.</summary>
    public const string FileName = "movinet-experiment.schema.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep <, > and ' readable in descriptions
    };

    /// <summary>The schema as indented JSON text ending in a newline.</summary>
    public static string Generate()
    {
        JsonObject root = new()
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "urn:movinet-exp:experiment-spec",
            ["title"] = "movinet-exp experiment spec",
            ["description"] = "One MoViNet transfer-learning experiment (dotnet movinet run <file>.yaml). Keys are snake_case; unlisted keys are errors.",
        };
        foreach (var (key, value) in SectionSchema(SpecSection.Root)) root[key] = value?.DeepClone();
        return root.ToJsonString(Options) + "\n";
    }

    private static JsonObject SectionSchema(SpecSection section)
    {
        var properties = new JsonObject();
        foreach (SpecField field in section.Fields) properties[field.Key] = FieldSchema(field);
        var schema = new JsonObject { ["type"] = "object", ["additionalProperties"] = false };
        string[] required = section.Fields.Where(f => f.Required).Select(f => f.Key).ToArray();
        if (required.Length > 0) schema["required"] = new JsonArray(required.Select(r => (JsonNode)r!).ToArray());
        schema["properties"] = properties;
        return schema;
    }

    private static JsonObject FieldSchema(SpecField field)
    {
        JsonObject schema = field.Kind switch
        {
            SpecFieldKind.Section => SectionSchema(field.Section!),
            SpecFieldKind.Integer => Bounded(field, Typed(field, "integer")),
            SpecFieldKind.Number => Bounded(field, Typed(field, "number")),
            SpecFieldKind.Boolean => Typed(field, "boolean"),
            SpecFieldKind.String => field.Pattern is null ? Typed(field, "string") : With(Typed(field, "string"), "pattern", $"^(?:{field.Pattern})$"),
            SpecFieldKind.Enum => EnumSchema(field),
            SpecFieldKind.StringList => With(Typed(field, "array"), "items", new JsonObject { ["type"] = "string", ["minLength"] = 1 }),
            SpecFieldKind.ClassSelection => ClassesSchema(field),
            SpecFieldKind.SplitSize => new JsonObject
            {
                ["oneOf"] = new JsonArray(Bounded(field, new JsonObject { ["type"] = "integer" }), new JsonObject { ["const"] = SplitSize.Keyword }),
            },
            _ => throw new InvalidOperationException(field.Kind.ToString()),
        };
        var ordered = new JsonObject { ["description"] = field.Description };
        foreach (var (key, value) in schema) ordered[key] = value?.DeepClone();
        if (field.Kind != SpecFieldKind.Section && !field.Required) ordered["default"] = DefaultJson(field.DefaultValue);
        return ordered;
    }

    private static JsonObject Typed(SpecField field, string type) =>
        new() { ["type"] = field.Nullable ? new JsonArray(type, "null") : type };

    private static JsonObject With(JsonObject o, string key, JsonNode value)
    {
        o[key] = value;
        return o;
    }

    private static JsonObject Bounded(SpecField field, JsonObject schema)
    {
        if (field.Min is { } min) schema[field.ExclusiveMin ? "exclusiveMinimum" : "minimum"] = Number(min);
        if (field.Max is { } max) schema["maximum"] = Number(max);
        return schema;
    }

    private static JsonObject EnumSchema(SpecField field)
    {
        var values = new JsonArray(field.EnumValues.Select(v => (JsonNode)v!).ToArray());
        if (field.Nullable) values.Add(null);
        return new JsonObject { ["enum"] = values };
    }

    private static JsonObject ClassesSchema(SpecField field)
    {
        int min = (int)(field.Min ?? 1);
        return new JsonObject
        {
            ["oneOf"] = new JsonArray(
                new JsonObject { ["type"] = "integer", ["minimum"] = min },
                new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                    ["minItems"] = min,
                    ["uniqueItems"] = true,
                }),
        };
    }

    // Whole bounds are written as integers (minimum: 1, not 1.0) to match how users write them.
    private static JsonNode Number(double v) => v == Math.Floor(v) ? JsonValue.Create((long)v) : JsonValue.Create(v);

    private static JsonNode? DefaultJson(object? value) => value switch
    {
        null => null,
        Enum e => EnumNames.Of(e),
        int i => i,
        double d => d,
        bool b => b,
        string s => s,
        ClassSelection { Names: null } c => c.Count,
        ClassSelection c => new JsonArray(c.Names!.Select(n => (JsonNode)n!).ToArray()),
        SplitSize { Count: int n } => n,
        SplitSize => SplitSize.Keyword,
        _ => throw new InvalidOperationException($"No JSON default for {value.GetType()}"),
    };
}
