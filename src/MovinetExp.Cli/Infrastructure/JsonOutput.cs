using System.Text.Encodings.Web;
using System.Text.Json;

namespace MovinetExp.Cli.Infrastructure;

/// <summary>Machine-readable output: one JSON document on standard output, nothing else.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));
}
