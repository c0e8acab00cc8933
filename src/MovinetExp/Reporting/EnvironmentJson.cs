using System.Text.Encodings.Web;
using System.Text.Json;
using MovinetExp.Common;

namespace MovinetExp.Reporting;

/// <summary>Writes and reads environment.json (snake_case properties, in <see cref="EnvironmentInfo"/>'s order).</summary>
public static class EnvironmentJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Atomically writes environment.json.</summary>
    public static void Write(string path, EnvironmentInfo info) =>
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(info, Options) + "\n");

    /// <exception cref="DataException">The file is not an environment.json of this tool.</exception>
    public static EnvironmentInfo Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<EnvironmentInfo>(File.ReadAllText(path), Options)
                ?? throw new JsonException("the document is null");
        }
        catch (JsonException ex)
        {
            throw new DataException($"{path} is not a valid environment file ({ex.Message}). It is written by `dotnet movinet run`.", ex);
        }
    }
}
