using System.Text.Encodings.Web;
using System.Text.Json;

namespace MovinetExp.Cli.Infrastructure;

/// <summary>Machine-readable output: one JSON document on standard output, nothing else; NaN and infinities are written as null.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { NonFiniteAsNull.Float, NonFiniteAsNull.Double },
    };

    public static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));
}
